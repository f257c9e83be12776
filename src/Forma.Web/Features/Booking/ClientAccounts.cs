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

    /// <summary>Refuses (400 on <c>clientAthleteId</c>) a client that is not one of this business's: an athlete, or a guardian's membership.</summary>
    public static async Task EnsureExistsAsync(FormaDbContext db, BookingClient client, CancellationToken cancellationToken)
    {
        var exists = (client.AthleteId, client.GuardianMembershipId) switch
        {
            ({ } athleteId, null) => await db.Athletes.AnyAsync(a => a.Id == athleteId, cancellationToken),
            (null, { } membershipId) => await db.Memberships.AnyAsync(m => m.Id == membershipId && m.Role == Role.Guardian, cancellationToken),
            _ => false,
        };
        if (!exists)
        {
            throw DomainException.Invalid("clientAthleteId", "Name one client of this business: clientAthleteId or a guardian's clientMembershipId.");
        }
    }
}
