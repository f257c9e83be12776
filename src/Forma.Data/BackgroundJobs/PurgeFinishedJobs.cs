using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forma.Data.BackgroundJobs;

/// <summary>Housekeeping: succeeded jobs are deleted after <see cref="JobOptions.KeepSucceeded"/>. Dead letters stay until an operator acts.</summary>
public sealed record PurgeFinishedJobs : IJobPayload
{
    public static string JobType => "jobs.purge-finished";
}

internal sealed class PurgeFinishedJobsHandler(TimeProvider clock, IOptions<JobOptions> options) : IJobHandler<PurgeFinishedJobs>
{
    public Task HandleAsync(PurgeFinishedJobs payload, JobContext context, CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - options.Value.KeepSucceeded;
        return context.Db.BackgroundJobs
            .Where(j => j.State == JobState.Succeeded && j.CompletedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
    }
}
