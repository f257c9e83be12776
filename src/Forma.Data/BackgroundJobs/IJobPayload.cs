namespace Forma.Data.BackgroundJobs;

/// <summary>
/// The message a job carries, serialised as JSON. <see cref="JobType"/> is stored in the row and picks the
/// handler, so renaming the C# type never orphans queued jobs.
/// </summary>
public interface IJobPayload
{
    static abstract string JobType { get; }
}
