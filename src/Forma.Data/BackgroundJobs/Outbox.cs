namespace Forma.Data.BackgroundJobs;

/// <summary>
/// The transactional outbox. A message is a job row added to the same DbContext as the change that
/// causes it, so one <c>SaveChanges</c> (one transaction) stores both or neither: no change without its
/// message, no message for a change that rolled back. Workers deliver it afterwards, at least once.
/// </summary>
public static class Outbox
{
    public static BackgroundJob Enqueue<TPayload>(this FormaDbContext db, TPayload payload, DateTime now, DateTime? runAt = null, string? dedupeKey = null, int maxAttempts = BackgroundJob.DefaultMaxAttempts)
        where TPayload : IJobPayload
    {
        var job = BackgroundJob.Create(TPayload.JobType, JobSerializer.Serialize(payload), db.CurrentTenantId, now, runAt, dedupeKey, maxAttempts);
        db.BackgroundJobs.Add(job);
        return job;
    }
}
