using Forma.Core.Booking;
using Forma.Core.People;
using Forma.Data;
using Forma.Web.Features.Accounts;
using Forma.Web.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>
/// Whose account a read is about: staff name the client (an athlete or a guardian's membership); a guardian reads the
/// account they pay from; an athlete their own. Lists of packages, ledger entries and messages all start here.
/// </summary>
internal static class ClientAccounts
{
    public static async Task<(BookingClient? Client, IResult? Problem)> ResolveAsync(Caller caller, FormaDbContext db, Guid? clientAthleteId, Guid? clientMembershipId, CancellationToken cancellationToken)
    {
        if (caller.IsStaff)
        {
            return clientAthleteId is null == clientMembershipId is null
                ? (null, ProblemDetailsSetup.FieldProblem("clientAthleteId", "Name one client: clientAthleteId or clientMembershipId."))
                : (new BookingClient(clientAthleteId, clientMembershipId), null);
        }

        if (caller.Role == Role.Guardian)
        {
            return (BookingClient.Guardian(caller.MembershipId), null);
        }

        var own = await db.Athletes.Where(a => a.UserId == caller.UserId).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
        return own is { } athleteId ? (BookingClient.Athlete(athleteId), null) : (null, BookingAccess.NotFound("client account"));
    }
}
