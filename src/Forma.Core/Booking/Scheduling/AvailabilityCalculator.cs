namespace Forma.Core.Booking.Scheduling;

/// <summary>
/// Bookable slots of one service. A fresh slot needs the appointment itself inside one working period of the staff
/// member, its occupied span (buffers included) clear of their other appointments — buffers may reach outside
/// working hours, as a cleanup after the last client of the day does — and one free unit of a resource of every
/// required type. A class with seats left is offered at its own time instead, and no fresh appointment may overlap it.
/// Starts come every step of real time from each period's start, so a daylight-saving change inside a period neither
/// skips nor repeats work time.
/// </summary>
public static class AvailabilityCalculator
{
    /// <summary>Slots starting in [window.From, window.To) for <paramref name="participants"/> people, by start then staff id.</summary>
    public static IReadOnlyList<Slot> Find(SlotRules rules, IReadOnlyList<StaffCalendar> staff, IReadOnlyList<ResourcePool> required, DateTime now, Span window, int participants)
    {
        var earliest = Max(window.From, now + rules.MinimumNotice);
        var latest = Min(window.To, now + rules.MaximumAhead + TimeSpan.FromTicks(1));
        var slots = new List<Slot>();
        if (earliest >= latest || participants < 1)
        {
            return slots;
        }

        var pools = required.Select(p => p.Resources.Select(r => new ResourceTimeline(r)).ToList()).ToList();
        foreach (var member in staff)
        {
            AddClassSeats(rules, member, earliest, latest, participants, slots);
            if (participants <= rules.Capacity)
            {
                AddFreshSlots(rules, member, pools, earliest, latest, slots);
            }
        }

        slots.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.StaffId.CompareTo(b.StaffId));
        return slots;
    }

    private static void AddClassSeats(SlotRules rules, StaffCalendar member, DateTime earliest, DateTime latest, int participants, List<Slot> slots)
    {
        foreach (var open in member.OpenClasses)
        {
            var left = rules.Capacity - open.SeatsTaken;
            if (open.Start >= earliest && open.Start < latest && left >= participants)
            {
                slots.Add(new Slot(open.Start, open.Start + rules.Length, member.StaffId, left, open.AppointmentId, []));
            }
        }
    }

    private static void AddFreshSlots(SlotRules rules, StaffCalendar member, List<List<ResourceTimeline>> pools, DateTime earliest, DateTime latest, List<Slot> slots)
    {
        // The staff member's own commitments, classes with seats included, as sorted disjoint spans for one forward sweep.
        var busy = WorkingPeriods.Merge(member.Busy.Concat(member.OpenClasses.Select(c => rules.Occupied(c.Start))));
        var next = 0;
        foreach (var period in WorkingPeriods.Between(member, earliest - rules.Length, latest))
        {
            for (var start = period.From; start + rules.Length <= period.To && start < latest; start += rules.Step)
            {
                if (start < earliest)
                {
                    continue;
                }

                var occupied = rules.Occupied(start);
                while (next < busy.Count && busy[next].To <= occupied.From)
                {
                    next++;
                }

                // Busy spans are disjoint and sorted: only the first one not ending before us can overlap.
                if (next < busy.Count && busy[next].From < occupied.To)
                {
                    continue;
                }

                if (TakeResources(pools, occupied) is { } resources)
                {
                    slots.Add(new Slot(start, start + rules.Length, member.StaffId, rules.Capacity, null, resources));
                }
            }
        }
    }

    /// <summary>The first resource of each pool with a unit free over the span, or null when a pool has none.</summary>
    private static List<Guid>? TakeResources(List<List<ResourceTimeline>> pools, Span occupied)
    {
        var taken = new List<Guid>(pools.Count);
        foreach (var pool in pools)
        {
            var free = pool.FirstOrDefault(r => r.HasFreeUnit(occupied));
            if (free is null)
            {
                return null;
            }

            taken.Add(free.Id);
        }

        return taken;
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
