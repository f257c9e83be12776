using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Athletes;

/// <summary>Staff replace an athlete's details; an archived athlete, or one over the plan's limit, is read-only.</summary>
internal sealed class UpdateAthlete(FormaDbContext db, PlanGate plan, TimeProvider clock) : IUseCase
{
    public async Task<AthleteResponse> RunAsync(Caller caller, Guid athleteId, AthleteRequest request, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.AthletesWrite);
        var athlete = await db.Athletes.VisibleTo(caller, db).SingleOrDefaultAsync(a => a.Id == athleteId, cancellationToken) ?? throw DomainException.NotFound("athlete");
        caller.RequireStaff("Only owners, admins and coaches change athletes' records.");
        RequestValidation.Ensure(request);
        await plan.EnsureAthleteWritableAsync(athleteId, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        athlete.Rename(request.FirstName, request.LastName);
        await CreateAthlete.ApplyAsync(athlete, request, caller, db, now, cancellationToken);
        db.AuditEvents.Add(AuditEvent.Record(athlete.TenantId, "athlete.updated", now, caller.UserId, athlete.Id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return AthleteResponse.From(athlete);
    }
}
