using BenchmarkDotNet.Attributes;
using Forma.Core.Booking;
using Forma.Core.Booking.Scheduling;

namespace Forma.Benchmarks;

/// <summary>
/// Issue 6's availability target: one service over 20 staff × 30 days with 2,000 existing appointments. Staff work
/// Monday to Saturday 07:00–19:00, 14 in Europe/Berlin and 6 in America/New_York; the service is 60 minutes with
/// 10-minute buffers, starts every 15 minutes and needs one of 5 rooms, whose commitments are the same appointments
/// shared round-robin. Existing appointments are placed at random on the hour inside working time (fixed seed);
/// overlapping ones are kept — the engine must cope with any input.
/// </summary>
[MemoryDiagnoser]
public class AvailabilityBenchmarks
{
    private static readonly DateTime From = new(2027, 2, 1, 0, 0, 0, DateTimeKind.Utc);
    private readonly SlotRules _rules = new(TimeSpan.FromMinutes(60), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10), 1, TimeSpan.FromMinutes(15), TimeSpan.Zero, TimeSpan.FromDays(400));
    private List<StaffCalendar> _staff = [];
    private List<ResourcePool> _rooms = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(11);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var hours = Enum.GetValues<DayOfWeek>().Where(d => d != DayOfWeek.Sunday).Select(d => new WeeklyPeriod(d, new TimeOnly(7, 0), new TimeOnly(19, 0))).ToList();
        var busy = Enumerable.Range(0, 20).Select(_ => new List<Span>()).ToList();
        var rooms = Enumerable.Range(0, 5).Select(_ => new List<Span>()).ToList();
        for (var i = 0; i < 2000; i++)
        {
            var staff = random.Next(20);
            var zone = staff < 14 ? berlin : newYork;
            var day = From.AddDays(random.Next(30));
            var local = day.Date.AddHours(7 + random.Next(11));
            var start = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
            var occupied = _rules.Occupied(start);
            busy[staff].Add(occupied);
            rooms[i % 5].Add(occupied);
        }

        _staff = [.. Enumerable.Range(0, 20).Select(i => new StaffCalendar(Guid.NewGuid(), i < 14 ? berlin : newYork, hours, [], busy[i], []))];
        _rooms = [new ResourcePool("room", [.. rooms.Select(r => new ResourceCalendar(Guid.NewGuid(), 1, r))])];
    }

    [Benchmark]
    public int TwentyStaffThirtyDays() =>
        AvailabilityCalculator.Find(_rules, _staff, _rooms, From.AddDays(-1), new Span(From, From.AddDays(30)), 1).Count;

    [Benchmark]
    public int TwentyStaffThirtyDaysNoResources() =>
        AvailabilityCalculator.Find(_rules, _staff, [], From.AddDays(-1), new Span(From, From.AddDays(30)), 1).Count;
}
