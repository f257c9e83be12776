using Forma.Core.Booking;
using Forma.Core.Booking.Scheduling;

namespace Forma.Core.Tests.Booking;

/// <summary>Every expected start is worked out by hand in the comment above it, from the rules in AvailabilityCalculator's summary.</summary>
public class AvailabilityCalculatorTests
{
    private static readonly DateTime Monday = new(2026, 11, 23, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime LongAgo = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly TimeZoneInfo Utc = TimeZoneInfo.Utc;
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void Find_PlainMorning_OffersEveryStepThatFits()
    {
        // 09:00–12:00, 60 min every 30: the last start that ends by 12:00 is 11:00.
        var slots = Find(Rules(), [Staff(Utc, Hours(DayOfWeek.Monday, 9, 12))], Day(Monday));
        Assert.Equal([At(9), At(9, 30), At(10), At(10, 30), At(11)], Starts(slots));
    }

    [Fact]
    public void Find_BusySpanAndBuffers_LeaveOnlyStartsClearOfBoth()
    {
        // Occupied span [s − 15, s + 75) must miss the busy 10:00–11:00: s + 75 ≤ 10:00 (none from 09:00) or s − 15 ≥ 11:00,
        // so s ≥ 11:15 → 11:30 and 12:00 (the last to end by 13:00).
        var staff = Staff(Utc, Hours(DayOfWeek.Monday, 9, 13), busy: [new Span(At(10), At(11))]);
        Assert.Equal([At(11, 30), At(12)], Starts(Find(Rules(before: 15, after: 15), [staff], Day(Monday))));
    }

    [Fact]
    public void Find_Exceptions_RemoveAndAddTime()
    {
        var hours = Hours(DayOfWeek.Monday, 9, 13);
        var date = DateOnly.FromDateTime(Monday);
        var hourly = Rules(step: 60);

        Assert.Empty(Find(hourly, [Staff(Utc, hours, [new DatedChange(date, null, null, false)])], Day(Monday)));

        // 10:00–11:00 off splits the morning into 09–10 and 11–13: starts 09:00, 11:00, 12:00.
        var partial = Staff(Utc, hours, [new DatedChange(date, new TimeOnly(10, 0), new TimeOnly(11, 0), false)]);
        Assert.Equal([At(9), At(11), At(12)], Starts(Find(hourly, [partial], Day(Monday))));

        // Extra hours on Sunday 14:00–16:00; an exception on another date changes nothing.
        var sunday = Monday.AddDays(-1);
        var extra = Staff(Utc, hours, [new DatedChange(date.AddDays(-1), new TimeOnly(14, 0), new TimeOnly(16, 0), true), new DatedChange(date.AddDays(7), null, null, false)]);
        Assert.Equal([sunday.AddHours(14), sunday.AddHours(15)], Starts(Find(hourly, [extra], new Span(sunday, sunday.AddDays(1)))));
        Assert.Equal([At(9), At(10), At(11), At(12)], Starts(Find(hourly, [extra], Day(Monday))));
    }

    [Fact]
    public void Find_SpringForwardNight_HasFiveRealHours()
    {
        // Berlin, Sunday 29 March 2026, 00:00–06:00 local: 00:00 is 23:00Z the day before (UTC+1), 06:00 is 04:00Z (UTC+2).
        // Five real hours, a start every real hour: 23:00, 00:00, 01:00, 02:00, 03:00 Z (local 00, 01, 03, 04, 05).
        var eve = new DateTime(2026, 3, 28, 23, 0, 0, DateTimeKind.Utc);
        var slots = Find(Rules(step: 60), [Staff(Berlin, Hours(DayOfWeek.Sunday, 0, 6))], new Span(eve.AddHours(-1), eve.AddHours(8)));
        Assert.Equal(Enumerable.Range(0, 5).Select(h => eve.AddHours(h)), Starts(slots));
    }

    [Fact]
    public void Find_FallBackNight_HasSevenRealHours_WithoutDuplicates()
    {
        // Berlin, Sunday 25 October 2026, 00:00–06:00 local: 00:00 is 22:00Z (UTC+2), 06:00 is 05:00Z (UTC+1): seven hours.
        var eve = new DateTime(2026, 10, 24, 22, 0, 0, DateTimeKind.Utc);
        var slots = Find(Rules(step: 60), [Staff(Berlin, Hours(DayOfWeek.Sunday, 0, 6))], new Span(eve.AddHours(-1), eve.AddHours(9)));
        Assert.Equal(Enumerable.Range(0, 7).Select(h => eve.AddHours(h)), Starts(slots));
    }

    [Fact]
    public void Find_NewYorkSpringForward_CountsRealTime()
    {
        // New York, Sunday 8 March 2026: 00:00 EST is 05:00Z, 06:00 EDT is 10:00Z: starts 05–09 Z.
        var midnight = new DateTime(2026, 3, 8, 5, 0, 0, DateTimeKind.Utc);
        var slots = Find(Rules(step: 60), [Staff(NewYork, Hours(DayOfWeek.Sunday, 0, 6))], new Span(midnight.AddHours(-2), midnight.AddHours(8)));
        Assert.Equal(Enumerable.Range(0, 5).Select(h => midnight.AddHours(h)), Starts(slots));
    }

    [Fact]
    public void Find_PeriodEndingAtMidnight_RunsToTheEndOfTheDay()
    {
        var late = new WeeklyPeriod(DayOfWeek.Monday, new TimeOnly(22, 0), TimeOnly.MinValue);
        Assert.Equal([At(22), At(23)], Starts(Find(Rules(step: 60), [Staff(Utc, [late])], new Span(Monday, Monday.AddDays(2)))));
    }

    [Fact]
    public void Find_StaffInTwoZones_AreOrderedByInstantThenStaff()
    {
        // 09:00–10:00 in Berlin is 08:00Z in November; two UTC staff at 09:00Z come in id order.
        var berlin = Staff(Berlin, Hours(DayOfWeek.Monday, 9, 10), id: new Guid("00000000-0000-0000-0000-000000000009"));
        var utcB = Staff(Utc, Hours(DayOfWeek.Monday, 9, 10), id: new Guid("00000000-0000-0000-0000-000000000002"));
        var utcA = Staff(Utc, Hours(DayOfWeek.Monday, 9, 10), id: new Guid("00000000-0000-0000-0000-000000000001"));
        var slots = Find(Rules(step: 60), [berlin, utcB, utcA], Day(Monday));
        Assert.Equal([(At(8), berlin.StaffId), (At(9), utcA.StaffId), (At(9), utcB.StaffId)], slots.Select(s => (s.Start, s.StaffId)));
    }

    [Fact]
    public void Find_NoticeAheadAndWindow_BoundTheStarts()
    {
        var staff = Staff(Utc, Hours(DayOfWeek.Monday, 9, 12));

        // Now 08:40 with 60 min notice: from 09:40; at most 2 h ahead: until 10:40 → 10:00 and 10:30.
        var bounded = AvailabilityCalculator.Find(Rules(notice: 60, aheadMinutes: 120), [staff], [], At(8, 40), Day(Monday), 1);
        Assert.Equal([At(10), At(10, 30)], Starts(bounded));

        // The window is half-open: [09:30, 10:30) holds 09:30 and 10:00.
        Assert.Equal([At(9, 30), At(10)], Starts(Find(Rules(), [staff], new Span(At(9, 30), At(10, 30)))));
    }

    [Fact]
    public void Find_ClassWithSeatsLeft_IsOfferedToJoin_AndBlocksFreshSlotsOverIt()
    {
        // A class of 10 at 09:00 with 7 taken: 3 seats to join. It holds 09:00–10:00, so fresh starts at 09:00 and 09:30 go.
        var classId = Guid.NewGuid();
        var staff = Staff(Utc, Hours(DayOfWeek.Monday, 9, 12), classes: [new OpenClass(classId, At(9), 7)]);
        var rules = Rules(capacity: 10);

        var forThree = AvailabilityCalculator.Find(rules, [staff], [], LongAgo, Day(Monday), 3);
        Assert.Equal([(At(9), 3, (Guid?)classId), (At(10), 10, null), (At(10, 30), 10, null), (At(11), 10, null)], forThree.Select(s => (s.Start, s.SeatsLeft, s.JoinsAppointmentId)));
        Assert.DoesNotContain(AvailabilityCalculator.Find(rules, [staff], [], LongAgo, Day(Monday), 4), s => s.JoinsAppointmentId is not null);
        Assert.Empty(AvailabilityCalculator.Find(rules, [staff], [], LongAgo, Day(Monday), 11));
    }

    [Fact]
    public void Find_Resources_NeedAFreeUnitAtEveryInstant()
    {
        var staff = Staff(Utc, Hours(DayOfWeek.Monday, 10, 11));
        var candidate = new Span(At(10), At(11));
        var hour = Rules(step: 60);
        IReadOnlyList<Slot> With(int units, params Span[] busy) =>
            Find(hour, [staff], candidate, [new ResourcePool("room", [new ResourceCalendar(Guid.NewGuid(), units, busy)])]);

        Assert.Empty(With(2, new Span(At(10), At(11)), new Span(At(10, 15), At(10, 45))));
        Assert.Single(With(2, new Span(At(10), At(11))));
        // Back to back, never two at once: one unit of two is always free.
        Assert.Single(With(2, new Span(At(10), At(10, 30)), new Span(At(10, 30), At(11))));
        Assert.Empty(With(1, new Span(At(10, 30), At(11))));
    }

    [Fact]
    public void Find_Resources_TakeTheFirstFreeOfEachPool()
    {
        var staff = Staff(Utc, Hours(DayOfWeek.Monday, 10, 11));
        var (busyRoom, freeRoom, table) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var pools = new[]
        {
            new ResourcePool("room", [new ResourceCalendar(busyRoom, 1, [new Span(At(10), At(11))]), new ResourceCalendar(freeRoom, 1, [])]),
            new ResourcePool("table", [new ResourceCalendar(table, 1, [])]),
        };
        var slot = Assert.Single(Find(Rules(step: 60), [staff], new Span(At(10), At(11)), pools));
        Assert.Equal([freeRoom, table], slot.ResourceIds);
    }

    private static SlotRules Rules(int length = 60, int before = 0, int after = 0, int capacity = 1, int step = 30, int notice = 0, int aheadMinutes = 60 * 24 * 730) =>
        new(TimeSpan.FromMinutes(length), TimeSpan.FromMinutes(before), TimeSpan.FromMinutes(after), capacity, TimeSpan.FromMinutes(step),
            TimeSpan.FromMinutes(notice), TimeSpan.FromMinutes(aheadMinutes));

    private static StaffCalendar Staff(TimeZoneInfo zone, IReadOnlyList<WeeklyPeriod> hours, IReadOnlyList<DatedChange>? exceptions = null,
        IReadOnlyList<Span>? busy = null, IReadOnlyList<OpenClass>? classes = null, Guid? id = null) =>
        new(id ?? Guid.NewGuid(), zone, hours, exceptions ?? [], busy ?? [], classes ?? []);

    private static WeeklyPeriod[] Hours(DayOfWeek day, int from, int to) => [new WeeklyPeriod(day, new TimeOnly(from, 0), new TimeOnly(to, 0))];

    private static IReadOnlyList<Slot> Find(SlotRules rules, IReadOnlyList<StaffCalendar> staff, Span window, IReadOnlyList<ResourcePool>? pools = null) =>
        AvailabilityCalculator.Find(rules, staff, pools ?? [], LongAgo, window, 1);

    private static Span Day(DateTime midnight) => new(midnight, midnight.AddDays(1));

    private static DateTime At(int hour, int minute = 0) => Monday.AddHours(hour).AddMinutes(minute);

    private static List<DateTime> Starts(IEnumerable<Slot> slots) => slots.Select(s => s.Start).ToList();
}
