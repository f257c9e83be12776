namespace Forma.Data.BackgroundJobs;

/// <summary>A job this worker holds the lease on; <see cref="LockToken"/> proves it.</summary>
public sealed record ClaimedJob(Guid Id, Guid? TenantId, string Type, string Payload, int Attempts, int MaxAttempts, Guid LockToken);
