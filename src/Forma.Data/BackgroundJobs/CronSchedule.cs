using Forma.Core;
using Quartz;

namespace Forma.Data.BackgroundJobs;

/// <summary>
/// A cron expression bound to a time zone. Quartz's parser does the calendar arithmetic, including the
/// daylight-saving edges (a 02:30 that does not exist in spring, one that happens twice in autumn).
/// </summary>
public sealed class CronSchedule
{
    private readonly CronExpression _expression;

    public string Expression { get; }
    public string TimeZone { get; }

    public CronSchedule(string expression, string timeZone)
    {
        if (!CronExpression.TryParse(expression, out var parsed))
        {
            throw new DomainException("invalid-cron", $"'{expression}' is not a valid cron expression (seconds minutes hours day-of-month month day-of-week).", "cron");
        }

        TimeZone = Core.Tenancy.TimeZones.Require(timeZone, "timeZone");
        Expression = expression;
        _expression = parsed.WithTimeZone(TimeZoneInfo.FindSystemTimeZoneById(timeZone));
    }

    /// <summary>The first occurrence strictly after <paramref name="utc"/>, in UTC.</summary>
    public DateTime NextAfter(DateTime utc)
    {
        var next = _expression.GetNextValidTimeAfter(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)))
            ?? throw new DomainException("cron-never-fires", $"'{Expression}' has no occurrence after {utc:O}.", "cron");
        return next.UtcDateTime;
    }
}
