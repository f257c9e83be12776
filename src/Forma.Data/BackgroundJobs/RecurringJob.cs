namespace Forma.Data.BackgroundJobs;

/// <summary>
/// A schedule that enqueues a <see cref="BackgroundJob"/> at each occurrence of a cron expression,
/// evaluated in <see cref="TimeZone"/> (a tenant's zone for "every Monday at 07:00", UTC for housekeeping),
/// so it stays at the same wall-clock time across daylight-saving changes.
/// </summary>
public sealed class RecurringJob
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
        if (scheduleChanged)
        {
            NextRunAt = schedule.NextAfter(now);
        }
    }

    /// <summary>Moves past <paramref name="now"/>: occurrences missed while no instance ran collapse into the one run being enqueued.</summary>
    internal void Advance(CronSchedule schedule, DateTime now)
    {
        LastRunAt = NextRunAt;
        NextRunAt = schedule.NextAfter(now);
    }
}
