namespace Forma.Core.Booking;

/// <summary>
/// A stretch of working time on one weekday, in the staff member's own zone. <see cref="End"/> of 00:00 means
/// midnight at the end of the day; otherwise it lies after <see cref="Start"/>.
/// </summary>
public sealed record WeeklyPeriod(DayOfWeek Day, TimeOnly Start, TimeOnly End)
{
    public static IReadOnlyList<WeeklyPeriod> Validated(IReadOnlyList<WeeklyPeriod>? periods, string field)
    {
        if (periods is null || periods.Count > 7 * 6)
        {
            throw new DomainException("invalid-" + field, "At most six periods per weekday.", field);
        }

        foreach (var p in periods)
        {
            if (!Enum.IsDefined(p.Day) || (p.End <= p.Start && p.End != TimeOnly.MinValue))
            {
                throw new DomainException("invalid-" + field, $"A period on {p.Day} from {p.Start:HH\\:mm} must end after it starts (00:00 for midnight).", field);
            }
        }

        // Overlapping periods on one day are a typo more often than an intention.
        foreach (var day in periods.GroupBy(p => p.Day))
        {
            var ordered = day.OrderBy(p => p.Start).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                if (ordered[i].Start.ToTimeSpan() < EndOf(ordered[i - 1]))
                {
                    throw new DomainException("invalid-" + field, $"Two periods on {day.Key} overlap.", field);
                }
            }
        }

        return periods.OrderBy(p => p.Day).ThenBy(p => p.Start).ToList();
    }

    private static TimeSpan EndOf(WeeklyPeriod p) => p.End == TimeOnly.MinValue ? TimeSpan.FromDays(1) : p.End.ToTimeSpan();
}
