using Forma.Data.Tenancy;

namespace Forma.Data.BackgroundJobs;

/// <summary>
/// A schedule that enqueues a <see cref="BackgroundJob"/> at each occurrence of a cron expression,
/// evaluated in <see cref="TimeZone"/> (a tenant's zone for "every Monday at 07:00", UTC for housekeeping),
/// so it stays at the same wall-clock time across daylight-saving changes.
/// </summary>
public sealed class RecurringJob : ITenantTagged
{
    public string Name { get; private set; } = "";

    /// <summary>Quartz cron syntax: seconds minutes hours day-of-month month day-of-week [year].</summary>
    public string Cron { get; private set; } = "";
    public string TimeZone { get; private set; } = "UTC";
    public string JobType { get; private set; } = "";
    public string Payload { get; private set; } = "{}";
    public Guid? TenantId { get; private set; }
    public DateTime NextRunAt { get; private set; }
    public DateTime? LastRunAt { get; private set; }

    /// <summary>Why the schedule stopped firing (its cron has no next occurrence, its zone is unknown); null while it works.</summary>
    public string? LastError { get; private set; }

    private RecurringJob()
    {
    }

    internal static RecurringJob Create(string name, CronSchedule schedule, string jobType, string payload, Guid? tenantId, DateTime now) => new()
    {
        Name = name,
        Cron = schedule.Expression,
        TimeZone = schedule.TimeZone,
        JobType = jobType,
        Payload = payload,
        TenantId = tenantId,
        NextRunAt = schedule.NextAfter(now),
    };

    internal void Reschedule(CronSchedule schedule, string jobType, string payload, DateTime now)
    {
        var scheduleChanged = Cron != schedule.Expression || TimeZone != schedule.TimeZone;
        Cron = schedule.Expression;
        TimeZone = schedule.TimeZone;
        JobType = jobType;
        Payload = payload;
        if (scheduleChanged || LastError is not null)
        {
            NextRunAt = schedule.NextAfter(now);
            LastError = null;
        }
    }

    /// <summary>Stops the schedule from firing until it is declared again with a working cron and zone.</summary>
    internal void Suspend(string reason)
    {
        NextRunAt = DateTime.MaxValue;
        LastError = reason;
    }

    /// <summary>Moves to the first occurrence after now: occurrences missed while no instance ran collapse into the one run being enqueued.</summary>
    internal void Advance(DateTime nextRunAt)
    {
        LastRunAt = NextRunAt;
        NextRunAt = nextRunAt;
    }
}
