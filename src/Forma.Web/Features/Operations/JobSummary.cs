using Forma.Data.BackgroundJobs;

namespace Forma.Web.Features.Operations;

public sealed record JobSummary(
    Guid Id,
    Guid? TenantId,
    string Type,
    JobState State,
    int Attempts,
    int MaxAttempts,
    DateTime RunAt,
    string? LastError,
    DateTime CreatedAt,
    DateTime? CompletedAt)
{
    public static JobSummary From(BackgroundJob job) =>
        new(job.Id, job.TenantId, job.Type, job.State, job.Attempts, job.MaxAttempts, job.RunAt, job.LastError, job.CreatedAt, job.CompletedAt);
}
