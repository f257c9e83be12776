namespace Forma.Core.Booking.Scheduling;

/// <summary>
/// A staff member's working time as UTC spans: weekly hours per local date, minus time off, plus extra hours,
/// merged. Local times become instants through the zone's rules, so a day with a daylight-saving change has the
/// real length it has: 00:00–06:00 is five hours on the spring-forward night and seven on the fall-back one. A
/// period boundary that falls in the spring-forward gap moves to the end of the gap; an ambiguous one takes the
/// earlier instant.
/// </summary>
public static class WorkingPeriods
{
    public static List<Span> Between(StaffCalendar staff, DateTime fromUtc, DateTime toUtc)
    {
        // A local date can reach a day into UTC either side, so look one day wider and clip at the end.
        var first = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(fromUtc, staff.Zone)).AddDays(-1);
        var last = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(toUtc, staff.Zone)).AddDays(1);
        var changes = staff.Exceptions.Where(e => e.Date >= first && e.Date <= last).ToLookup(e => e.Date);
        var spans = new List<Span>();
        for (var date = first; date <= last; date = date.AddDays(1))
        {
            spans.AddRange(OnDate(staff, date, changes[date]));
        }

        return Merge(spans).Where(s => s.To > fromUtc - TimeSpan.FromDays(1) && s.From < toUtc + TimeSpan.FromDays(1)).ToList();
    }

    private static IEnumerable<Span> OnDate(StaffCalendar staff, DateOnly date, IEnumerable<DatedChange> changes)
    {
        var dayChanges = changes.ToList();
        if (dayChanges.Any(c => !c.Available && c.Start is null))
        {
            return dayChanges.Where(c => c.Available).Select(c => Local(staff.Zone, date, c.Start!.Value, c.End!.Value));
        }

        var periods = staff.Hours.Where(h => h.Day == date.DayOfWeek).Select(h => Local(staff.Zone, date, h.Start, h.End)).ToList();
        foreach (var off in dayChanges.Where(c => !c.Available))
        {
            var removed = Local(staff.Zone, date, off.Start!.Value, off.End!.Value);
            periods = periods.SelectMany(p => Subtract(p, removed)).ToList();
        }

        periods.AddRange(dayChanges.Where(c => c.Available).Select(c => Local(staff.Zone, date, c.Start!.Value, c.End!.Value)));
        return periods;
    }

    private static Span Local(TimeZoneInfo zone, DateOnly date, TimeOnly start, TimeOnly end)
    {
        var endDate = end == TimeOnly.MinValue ? date.AddDays(1) : date;
        return new Span(ToUtc(zone, date.ToDateTime(start)), ToUtc(zone, endDate.ToDateTime(end)));
    }

    /// <summary>A local wall-clock time as an instant: in a gap, the end of the gap; when ambiguous, the earlier instant.</summary>
    public static DateTime ToUtc(TimeZoneInfo zone, DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local))
        {
            // Gaps are whole minutes in every real zone; walk to the first valid minute.
            local = local.AddMinutes(1);
        }

        if (zone.IsAmbiguousTime(local))
        {
            var offset = zone.GetAmbiguousTimeOffsets(local).Max();
            return DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    private static IEnumerable<Span> Subtract(Span period, Span removed)
    {
        if (!period.Overlaps(removed))
        {
            yield return period;
            yield break;
        }

        if (period.From < removed.From)
        {
            yield return period with { To = removed.From };
        }

        if (removed.To < period.To)
        {
            yield return period with { From = removed.To };
        }
    }

    /// <summary>Sorted, disjoint spans; touching spans join.</summary>
    public static List<Span> Merge(IEnumerable<Span> spans)
    {
        var merged = new List<Span>();
        foreach (var span in spans.Where(s => s.To > s.From).OrderBy(s => s.From))
        {
            if (merged.Count > 0 && span.From <= merged[^1].To)
            {
                merged[^1] = merged[^1] with { To = span.To > merged[^1].To ? span.To : merged[^1].To };
            }
            else
            {
                merged.Add(span);
            }
        }

        return merged;
    }
}
