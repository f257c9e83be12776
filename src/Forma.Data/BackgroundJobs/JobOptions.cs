namespace Forma.Data.BackgroundJobs;

/// <summary>The <c>Jobs</c> configuration section.</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <summary>Run a worker in this process. Turn off to keep an instance web-only.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a worker waits before looking again when the queue was empty.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claim lasts without a heartbeat; after it another worker may take the job.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Jobs run at once by this worker. SQLite has one writer, so more than one rarely helps there.</summary>
    public int Concurrency { get; set; } = 1;

    /// <summary>A run longer than this is cancelled and counts as a failed attempt, so a hung handler cannot hold its job forever.</summary>
    public TimeSpan MaxRunTime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Tenants take turns at the claim (see <see cref="TenantTurns"/>). Off restores the oldest-job-first order
    /// that let one tenant's backlog stall everyone (issue #18 B.1); it exists so bench/ can measure the difference.
    /// </summary>
    public bool TenantsTakeTurns { get; set; } = true;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Succeeded jobs are deleted after this long by the built-in housekeeping schedule.</summary>
    public TimeSpan KeepSucceeded { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Identifies this worker in <c>locked_by</c>; defaults to host name and process id.</summary>
    public string? WorkerName { get; set; }
}
