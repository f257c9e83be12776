using Forma.Core.Accounts;
using Forma.Data;
using Forma.Data.Blobs;
using Forma.Web.Features.Analytics;

namespace Forma.Web.Features.Activities.Deduplication;

/// <summary>
/// The second step: each merge group — the ones given, or else the duplicates found in the scope — with the fused
/// result it would give. Changes nothing; a given group that cannot merge says why.
/// </summary>
internal sealed class DryRunDeduplication(FormaDbContext db, BlobStore blobs) : IUseCase
{
    public async Task<DeduplicationDryRun> RunAsync(Caller caller, Guid athleteId, DeduplicationDryRunRequest? request, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.ActivitiesRead);
        await AnalyticsAccess.EnsureSeesAthleteAsync(caller, db, athleteId, cancellationToken);
        if (request is not null)
        {
            RequestValidation.Ensure(request);
        }

        var previews = new List<MergePreview>();
        if (request?.Groups is { } given)
        {
            foreach (var group in given)
            {
                RequestValidation.Ensure(group);
                var check = await MergeGroups.CheckAsync(db, athleteId, group, track: false, cancellationToken);
                previews.Add(check.Keep is null
                    ? new MergePreview(new ActivitySummary(group.KeepActivityId!.Value, athleteId, "", null, default, 0, null, null), [], [], new Dictionary<string, Guid>(), 0, check.Error)
                    : await MergePreviews.BuildAsync(db, blobs, check, cancellationToken));
            }

            return new DeduplicationDryRun(previews);
        }

        var (_, found) = await new DuplicateFinder(db, blobs).FindAsync(athleteId, request?.From?.ToUniversalTime(), request?.To?.ToUniversalTime(), cancellationToken)
            ?? throw AnalyzeDuplicates.TooMany();
        foreach (var group in found)
        {
            previews.Add(await MergePreviews.BuildAsync(db, blobs, new CheckedGroup(group.Keep, group.Merge, null, null), cancellationToken));
        }

        return new DeduplicationDryRun(previews);
    }
}
