using System.Text.Json;
using Forma.Analytics.Zones;
using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Training;
using Forma.Data;
using Forma.Data.BackgroundJobs;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Analytics;

/// <summary>Uses the athlete's own zones for power, heart rate or pace; every activity is re-analysed with them.</summary>
internal sealed class SetCustomZones(FormaDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<ZoneSetResponse> RunAsync(Caller caller, Guid athleteId, string kind, CustomZonesRequest request, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.AthletesWrite);
        await ZoneChanges.EnsureMayChangeAsync(db, caller, athleteId, cancellationToken);
        RequestValidation.Ensure(request);
        ZoneSet zones;
        try
        {
            zones = ZoneModels.Custom(kind, request.Boundaries ?? [], request.Names);
        }
        catch (ArgumentException error)
        {
            throw DomainException.Invalid(error.ParamName == "names" ? "names" : error.ParamName == "kind" ? "kind" : "boundaries", error.Message);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var boundaries = JsonSerializer.Serialize(request.Boundaries);
        var names = request.Names is null ? null : JsonSerializer.Serialize(request.Names);
        var existing = await db.CustomZones.SingleOrDefaultAsync(z => z.AthleteId == athleteId && z.Kind == kind, cancellationToken);
        if (existing is null)
        {
            db.CustomZones.Add(CustomZones.Create(caller.TenantId, athleteId, kind, boundaries, names, now));
        }
        else
        {
            existing.Replace(boundaries, names, now);
        }

        db.Enqueue(new ReanalyzeAthlete(athleteId, DateOnly.MinValue), now);
        db.AuditEvents.Add(AuditEvent.Record(caller.TenantId, "athlete.zones-set", now, caller.UserId, athleteId.ToString(), $$"""{"kind":"{{kind}}"}"""));
        await db.SaveChangesAsync(cancellationToken);
        return ZoneSetResponse.From(zones);
    }
}
