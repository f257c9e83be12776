namespace Forma.Data.BackgroundJobs;

/// <summary>
/// Queued → Running → Succeeded, or back to Queued with a later <c>run_at</c> after a failure, or
/// DeadLettered once its attempts are spent (visible to operators, retried only by hand).
/// </summary>
public enum JobState
{
    Queued,
    Running,
    Succeeded,
    DeadLettered,
}
