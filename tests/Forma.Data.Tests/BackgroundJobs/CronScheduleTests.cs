using Forma.Core;
using Forma.Data.BackgroundJobs;

namespace Forma.Data.Tests.BackgroundJobs;

public class CronScheduleTests
{
    // Europe/Berlin switches to summer time on 2026-03-29 and back on 2026-10-25 (last Sundays of March and October).
    [Theory]
    [InlineData("2026-03-28T05:00:00Z", "2026-03-29T04:00:00Z")] // 06:00 CET, then 06:00 CEST
    [InlineData("2026-10-24T04:00:00Z", "2026-10-25T05:00:00Z")] // 06:00 CEST, then 06:00 CET
    [InlineData("2026-11-22T09:00:00Z", "2026-11-23T05:00:00Z")]
    public void NextAfter_KeepsTheWallClockTimeAcrossDaylightSaving(string after, string expected)
    {
        var schedule = new CronSchedule("0 0 6 * * ?", "Europe/Berlin");

        var next = schedule.NextAfter(DateTime.Parse(after, null, System.Globalization.DateTimeStyles.AdjustToUniversal));

        Assert.Equal(DateTime.Parse(expected, null, System.Globalization.DateTimeStyles.AdjustToUniversal), next);
        Assert.Equal(DateTimeKind.Utc, next.Kind);
    }

    [Fact]
    public void NextAfter_MondaysInNewYork_FollowsUsDaylightSaving()
    {
        // 07:00 every Monday in New York; US summer time ends 2026-11-01.
        var schedule = new CronSchedule("0 0 7 ? * MON", "America/New_York");

        Assert.Equal(new DateTime(2026, 10, 26, 11, 0, 0, DateTimeKind.Utc), schedule.NextAfter(new DateTime(2026, 10, 20, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateTime(2026, 11, 2, 12, 0, 0, DateTimeKind.Utc), schedule.NextAfter(new DateTime(2026, 10, 27, 0, 0, 0, DateTimeKind.Utc)));
    }

    [Theory]
    [InlineData("not a cron", "UTC", "invalid-cron")]
    [InlineData("0 0 6 * * ?", "Mars/Olympus_Mons", "invalid-time-zone")]
    public void Constructor_WithBadInput_ThrowsADomainErrorNamingTheProblem(string cron, string zone, string code)
    {
        var error = Assert.Throws<DomainException>(() => new CronSchedule(cron, zone));
        Assert.Equal(code, error.Code);
    }
}
