using Forma.Core;
using Forma.Data;
using Forma.Web.Features.Activities;

namespace Forma.Web.Features.Analytics;

/// <summary>Who may change an athlete's zones: whoever sees the athlete, except guardians, who follow but do not change.</summary>
internal static class ZoneChanges
{
    public static async Task EnsureMayChangeAsync(FormaDbContext db, Caller caller, Guid athleteId, CancellationToken cancellationToken)
    {
        if (!await AnalyticsAccess.SeesAthleteAsync(caller, db, athleteId, cancellationToken))
        {
            throw DomainException.NotFound("athlete");
        }

        if (!ActivityAccess.MayChange(caller))
        {
            throw DomainException.Forbidden("Guardians can follow a dependent's activities but not change them.");
        }
    }
}
