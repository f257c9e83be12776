using Forma.Data.Tenancy;

namespace Forma.Data.BackgroundJobs;

/// <summary>
/// A unit of background work stored in the database, so it survives restarts and any instance can run
/// it. Workers claim a row with a lease (<see cref="LockedUntil"/>) and a fresh <see cref="LockToken"/>;
/// only the holder of the current token can complete it, so a worker that lost its lease (crashed, or
/// stalled past the lease) can never record a second completion.
/// </summary>
/// <remarks>
/// Not tenant-owned: workers claim across tenants. <see cref="TenantId"/> says which tenant the job acts
/// for; the runner enters that tenant before the handler runs, so the handler's queries are isolated.
/// </remarks>
public sealed class BackgroundJob : ITenantTagged
{
    public const int DefaultMaxAttempts = 8;

    public Guid Id { get; private set; }
    public Guid? TenantId { get; private set; }
    public string Type { get; private set; } = "";
    public string Payload { get; private set; } = "{}";
    public JobState State { get; private set; }
    public int Attempts { get; private set; }
    public int MaxAttempts { get; private set; }
    public DateTime RunAt { get; private set; }
    public string? LockedBy { get; private set; }
    public Guid? LockToken { get; private set; }
    public DateTime? LockedUntil { get; private set; }
    public string? LastError { get; private set; }

    /// <summary>When set, unique: enqueuing the same key twice is refused by the database.</summary>
    public string? DedupeKey { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? CompletedAt { get; private set; }

    private BackgroundJob()
    {
    }

    public static BackgroundJob Create(string type, string payload, Guid? tenantId, DateTime now, DateTime? runAt = null, string? dedupeKey = null, int maxAttempts = DefaultMaxAttempts)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        return new BackgroundJob
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            Type = type,
            Payload = payload,
            State = JobState.Queued,
            MaxAttempts = maxAttempts,
            RunAt = runAt ?? now,
            DedupeKey = dedupeKey,
            CreatedAt = now,
        };
    }
}
