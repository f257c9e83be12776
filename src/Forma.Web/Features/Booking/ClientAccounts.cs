using Forma.Core;
using Forma.Core.Booking;
using Forma.Core.People;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>
/// Whose account a read is about: staff name the client (an athlete or a guardian's membership); a guardian reads the
/// account they pay from; an athlete their own. Lists of packages, ledger entries and messages all start here.
/// </summary>
internal static class ClientAccounts
{
    public static async Task<BookingClient> ResolveAsync(Caller caller, FormaDbContext db, Guid? clientAthleteId, Guid? clientMembershipId, CancellationToken cancellationToken)
    {
        if (caller.IsStaff)
        {
            return clientAthleteId is null == clientMembershipId is null
                ? throw DomainException.Invalid("clientAthleteId", "Name one client: clientAthleteId or clientMembershipId.")
                : new BookingClient(clientAthleteId, clientMembershipId);
        }

        if (caller.Role == Role.Guardian)
        {
            return BookingClient.Guardian(caller.MembershipId);
        }

        var own = await db.Athletes.Where(a => a.UserId == caller.UserId).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
        return own is { } athleteId ? BookingClient.Athlete(athleteId) : throw DomainException.NotFound("client account");
    }
}
