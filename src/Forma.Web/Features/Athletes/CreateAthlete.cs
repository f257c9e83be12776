using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Athletes;
using Forma.Core.Audit;
using Forma.Core.People;
using Forma.Core.Plans;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Athletes;

/// <summary>
/// Adds an athlete (staff only); a coach who adds one becomes their coach. The plan's active-athlete limit is
/// counted in the transaction that saves, so two additions at once cannot both take the last place.
/// </summary>
internal sealed class CreateAthlete(FormaDbContext db, PlanGate plan, TimeProvider clock) : IUseCase
{
    public async Task<AthleteResponse> RunAsync(Caller caller, AthleteRequest request, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.AthletesWrite);
        caller.RequireStaff("Only owners, admins and coaches add athletes.");
        RequestValidation.Ensure(request);
        var now = clock.GetUtcNow().UtcDateTime;
        var athlete = Athlete.Create(caller.TenantId, request.FirstName, request.LastName, now);
        await ApplyAsync(athlete, request, caller, db, now, cancellationToken);
        if (caller.Role == Role.Coach)
        {
            athlete.AssignCoach(await db.Memberships.SingleAsync(m => m.Id == caller.MembershipId, cancellationToken));
        }

        db.Athletes.Add(athlete);
        db.AuditEvents.Add(AuditEvent.Record(athlete.TenantId, "athlete.created", now, caller.UserId, athlete.Id.ToString()));
        await plan.AdmitGaugeAsync(PlanLimit.ActiveAthletes, 1, PlanGate.ActiveAthletes(db).LongCountAsync, () => db.SaveChangesAsync(cancellationToken), cancellationToken);
        return AthleteResponse.From(athlete);
    }

    /// <summary>Copies the optional fields onto the athlete; the domain's rules refuse (400) naming the field they concern.</summary>
    public static async Task ApplyAsync(Athlete athlete, AthleteRequest request, Caller caller, FormaDbContext db, DateTime now, CancellationToken cancellationToken)
    {
        athlete.SetEmail(string.IsNullOrWhiteSpace(request.Email) ? null : request.Email);
        athlete.SetBirthDate(request.BirthDate, DateOnly.FromDateTime(now));
        athlete.SetSex(request.Sex);
        athlete.SetTimeZone(string.IsNullOrWhiteSpace(request.TimeZone) ? null : request.TimeZone);
        athlete.SetNotes(request.Notes);
        if (request.CoachId is { } coachId && caller.ManagesEveryone)
        {
            var coach = await db.Memberships.SingleOrDefaultAsync(m => m.Id == coachId && (m.Role == Role.Coach || m.Role == Role.Owner || m.Role == Role.Admin), cancellationToken)
                ?? throw DomainException.Invalid("coachId", "No coach of this business has that id.");
            athlete.AssignCoach(coach);
        }
    }
}
