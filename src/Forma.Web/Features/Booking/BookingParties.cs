using Forma.Core;
using Forma.Core.Booking;
using Forma.Core.People;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>
/// Who pays and who takes part, by the caller's role: staff book for anyone in the business and name the client
/// (by default the only participant); an athlete books themselves; a guardian books their dependents and pays.
/// Every id is looked up in the caller's business, so another tenant's id is simply not found.
/// </summary>
internal static class BookingParties
{
    public static async Task<BookingClient> ResolveAsync(Caller caller, BookRequest request, FormaDbContext db, CancellationToken cancellationToken)
    {
        var ids = request.ParticipantIds ?? [];
        if (ids.Count == 0 || ids.Distinct().Count() != ids.Count)
        {
            throw DomainException.Invalid("participantIds", "One or more participants, each once.");
        }

        var found = await db.Athletes.Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.UserId }).ToListAsync(cancellationToken);
        if (found.Count != ids.Count)
        {
            throw DomainException.Invalid("participantIds", $"No participant {ids.Except(found.Select(f => f.Id)).First()} in this business.");
        }

        switch (caller.Role)
        {
            case Role.Owner or Role.Admin or Role.Coach:
                return await StaffClientAsync(request, ids, db, cancellationToken);
            case Role.Athlete:
                return found.All(f => f.UserId == caller.UserId)
                    ? BookingClient.Athlete(found[0].Id)
                    : throw DomainException.Forbidden("An athlete books for themselves; a guardian books for their dependents.");
            case Role.Guardian:
                var dependents = await db.Guardianships.Where(g => g.GuardianMembershipId == caller.MembershipId && ids.Contains(g.AthleteId)).CountAsync(cancellationToken);
                return dependents == ids.Count
                    ? BookingClient.Guardian(caller.MembershipId)
                    : throw DomainException.Forbidden("A guardian books only for their own dependents.");
            default:
                throw DomainException.Forbidden("This role cannot book.");
        }
    }

    private static async Task<BookingClient> StaffClientAsync(BookRequest request, IReadOnlyList<Guid> ids, FormaDbContext db, CancellationToken cancellationToken)
    {
        if (request.ClientAthleteId is not null && request.ClientMembershipId is not null)
        {
            throw DomainException.Invalid("clientMembershipId", "Name one client: an athlete or a guardian's membership.");
        }

        if (request.ClientMembershipId is { } membershipId)
        {
            var guardian = await db.Memberships.AnyAsync(m => m.Id == membershipId && m.Role == Role.Guardian, cancellationToken);
            return guardian
                ? BookingClient.Guardian(membershipId)
                : throw DomainException.Invalid("clientMembershipId", "No guardian with this membership in this business.");
        }

        var athleteId = request.ClientAthleteId ?? (ids.Count == 1 ? ids[0] : (Guid?)null);
        if (athleteId is null)
        {
            throw DomainException.Invalid("clientAthleteId", "Several participants: name who pays (clientAthleteId or clientMembershipId).");
        }

        return ids.Contains(athleteId.Value) || await db.Athletes.AnyAsync(a => a.Id == athleteId, cancellationToken)
            ? BookingClient.Athlete(athleteId.Value)
            : throw DomainException.Invalid("clientAthleteId", "No athlete with this id in this business.");
    }

    /// <summary>Refuses (422) naming the first participant lacking a credential the service requires, valid on <paramref name="date"/>.</summary>
    public static async Task EnsureCredentialsAsync(Service service, IReadOnlyList<Guid> participants, DateOnly date, FormaDbContext db, CancellationToken cancellationToken)
    {
        if (service.RequiredCredentials.Count == 0)
        {
            return;
        }

        var kinds = service.RequiredCredentials;
        var held = await db.Credentials.AsNoTracking().Where(c => participants.Contains(c.AthleteId) && kinds.Contains(c.Kind)).ToListAsync(cancellationToken);
        foreach (var participant in participants)
        {
            foreach (var kind in kinds)
            {
                var theirs = held.Where(c => c.AthleteId == participant && c.Kind == kind).ToList();
                if (theirs.Any(c => c.ValidOn(date)))
                {
                    continue;
                }

                var expired = theirs.Where(c => c.ExpiresOn < date).MaxBy(c => c.ExpiresOn);
                var facts = new Dictionary<string, object?> { ["participantId"] = participant, ["credential"] = kind };
                throw expired is null
                    ? new DomainException(RefusalKind.Rule, "credential-missing", $"Participant {participant} has no '{kind}', which this service requires.", extensions: facts)
                    : new DomainException(RefusalKind.Rule, "credential-expired", $"Participant {participant}'s '{kind}' expired on {expired.ExpiresOn:yyyy-MM-dd}, before the appointment on {date:yyyy-MM-dd}.", extensions: facts);
            }
        }
    }
}
