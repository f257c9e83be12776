using Forma.Core;
using Forma.Core.Accounts;
using Forma.Data;
using Forma.Data.Blobs;
using Forma.Web.Features.Analytics;

namespace Forma.Web.Features.Activities.Deduplication;

/// <summary>The free first step of deduplication: how many workouts an athlete's library holds more than once (changes nothing).</summary>
internal sealed class AnalyzeDuplicates(FormaDbContext db, BlobStore blobs) : IUseCase
{
    public async Task<DeduplicationAnalysis> RunAsync(Caller caller, Guid athleteId, DeduplicationScope scope, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.ActivitiesRead);
        await AnalyticsAccess.EnsureSeesAthleteAsync(caller, db, athleteId, cancellationToken);
        var (scanned, groups) = await new DuplicateFinder(db, blobs).FindAsync(athleteId, scope.From?.ToUniversalTime(), scope.To?.ToUniversalTime(), cancellationToken)
            ?? throw TooMany();
        return new DeduplicationAnalysis(scanned, groups.Count, groups.Sum(g => g.Merge.Count));
    }

    public static DomainException TooMany() => DomainException.Rule("scope-too-large",
        $"More than {DuplicateFinder.MaxActivities:N0} activities in scope.", "Narrow the scope with 'from' and 'to' and analyse the library a period at a time.");
}
