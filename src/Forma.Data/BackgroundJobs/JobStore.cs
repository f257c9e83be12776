using Microsoft.EntityFrameworkCore;

namespace Forma.Data.BackgroundJobs;

/// <summary>
/// The job table's state changes. Every change after the claim is conditional on the lock token, so a
/// worker whose lease was taken over changes nothing.
/// </summary>
internal sealed class JobStore(FormaDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Takes a due job — queued and due, or running with an expired lease (its worker died) — in one atomic
    /// statement. Tenants take turns: a tenant not in <paramref name="recentTenants"/> (most recently served
    /// first) comes before those in it, then the least recently served, and within that the oldest job; so a
    /// tenant's backlog of thousands delays another tenant's single job by about one job per busy tenant, not
    /// by the whole backlog. On PostgreSQL <c>FOR UPDATE SKIP LOCKED</c> lets many workers claim at once
    /// without blocking on or double-taking a row; SQLite serialises writers, so the plain update is already
    /// atomic there. The order is computed over the due rows, so a claim costs a sort of the backlog (a few
    /// milliseconds at ten thousand due jobs; see bench/results).
    /// </summary>
    public async Task<ClaimedJob?> ClaimAsync(string workerName, TimeSpan lease, IReadOnlyList<Guid> recentTenants, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + lease;
        var token = Guid.NewGuid();
        var lockClause = db.Database.IsNpgsql() ? "FOR UPDATE SKIP LOCKED" : "";
        object[] fixedParameters = [workerName, token, until, now, TenantTurns.Platform];
        var turns = string.Concat(recentTenants.Select((_, i) => $" WHEN {{{fixedParameters.Length + i}}} THEN {recentTenants.Count - i}"));
        var turnOrder = recentTenants.Count == 0 ? "" : $"CASE COALESCE(tenant_id, {{4}}){turns} ELSE 0 END, ";
        var sql = $$"""
            UPDATE background_jobs
               SET state = 'Running', attempts = attempts + 1, locked_by = {0}, lock_token = {1}, locked_until = {2}
             WHERE id = (SELECT id FROM background_jobs
                          WHERE (state = 'Queued' AND run_at <= {3}) OR (state = 'Running' AND locked_until < {3})
                          ORDER BY {{turnOrder}}run_at, id
                          LIMIT 1
                          {{lockClause}})
            RETURNING id AS "Id", tenant_id AS "TenantId", type AS "Type", payload AS "Payload",
                      attempts AS "Attempts", max_attempts AS "MaxAttempts", lock_token AS "LockToken"
            """;
        object[] parameters = [.. fixedParameters, .. recentTenants.Cast<object>()];
        var claimed = await db.Database.SqlQueryRaw<ClaimedJob>(sql, parameters).ToListAsync(cancellationToken);
        return claimed.SingleOrDefault();
    }

    /// <summary>Marks the job done, only if we still hold it. Runs inside the handler's transaction.</summary>
    public Task<int> CompleteAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return Held(job).ExecuteUpdateAsync(set => set
            .SetProperty(j => j.State, JobState.Succeeded)
            .SetProperty(j => j.CompletedAt, now)
            .SetProperty(j => j.LockToken, (Guid?)null)
            .SetProperty(j => j.LockedUntil, (DateTime?)null)
            .SetProperty(j => j.LastError, (string?)null), cancellationToken);
    }

    /// <summary>Records a failure: back to the queue after a back-off, or to the dead letters when attempts are spent.</summary>
    public Task<int> FailAsync(ClaimedJob job, string error, TimeSpan retryDelay, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var dead = job.Attempts >= job.MaxAttempts;
        return Held(job).ExecuteUpdateAsync(set => set
            .SetProperty(j => j.State, dead ? JobState.DeadLettered : JobState.Queued)
            .SetProperty(j => j.RunAt, dead ? now : now + retryDelay)
            .SetProperty(j => j.CompletedAt, dead ? now : null)
            .SetProperty(j => j.LockToken, (Guid?)null)
            .SetProperty(j => j.LockedUntil, (DateTime?)null)
            .SetProperty(j => j.LastError, Truncate(error)), cancellationToken);
    }

    /// <summary>Gives the job back untouched (this worker is shutting down); the attempt does not count.</summary>
    public Task<int> ReleaseAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return Held(job).ExecuteUpdateAsync(set => set
            .SetProperty(j => j.State, JobState.Queued)
            .SetProperty(j => j.Attempts, j => j.Attempts - 1)
            .SetProperty(j => j.RunAt, now)
            .SetProperty(j => j.LockToken, (Guid?)null)
            .SetProperty(j => j.LockedUntil, (DateTime?)null), cancellationToken);
    }

    /// <summary>Extends the lease of a long job.</summary>
    public Task<int> HeartbeatAsync(ClaimedJob job, TimeSpan lease, CancellationToken cancellationToken)
    {
        var until = clock.GetUtcNow().UtcDateTime + lease;
        return Held(job).ExecuteUpdateAsync(set => set.SetProperty(j => j.LockedUntil, until), cancellationToken);
    }

    private IQueryable<BackgroundJob> Held(ClaimedJob job) =>
        db.BackgroundJobs.Where(j => j.Id == job.Id && j.LockToken == job.LockToken);

    private static string Truncate(string error) => error.Length <= 4000 ? error : error[..4000];
}
