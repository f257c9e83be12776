namespace Forma.Core.Booking.Scheduling;

/// <summary>A resource's commitments sorted by start, answering "is a unit free over this span?" without scanning all of them.</summary>
internal sealed class ResourceTimeline
{
    private readonly Span[] _busy;
    private readonly TimeSpan _longest;
    private readonly int _units;

    public ResourceTimeline(ResourceCalendar resource)
    {
        Id = resource.ResourceId;
        _units = resource.Units;
        _busy = resource.Busy.Where(s => s.To > s.From).OrderBy(s => s.From).ToArray();
        _longest = _busy.Length == 0 ? TimeSpan.Zero : _busy.Max(s => s.To - s.From);
    }

    public Guid Id { get; }

    public bool HasFreeUnit(Span span)
    {
        // Only commitments starting after (span start − the longest commitment) can reach into the span.
        var first = FirstStartingAtOrAfter(span.From - _longest);
        var count = 0;
        for (var i = first; i < _busy.Length && _busy[i].From < span.To; i++)
        {
            if (_busy[i].To > span.From && ++count >= _units)
            {
                // As many commitments touch the span as there are units: only a sweep can tell whether they overlap each other.
                return _units > 1 && MostAtOnce(Overlapping(first, span), span) < _units;
            }
        }

        return true;
    }

    private List<Span> Overlapping(int first, Span span)
    {
        var overlapping = new List<Span>();
        for (var i = first; i < _busy.Length && _busy[i].From < span.To; i++)
        {
            if (_busy[i].To > span.From)
            {
                overlapping.Add(_busy[i]);
            }
        }

        return overlapping;
    }

    /// <summary>The most commitments in force at one instant inside the span (a sweep over their starts and ends).</summary>
    private static int MostAtOnce(List<Span> overlapping, Span span)
    {
        var events = overlapping.SelectMany(s => new[] { (At: s.From < span.From ? span.From : s.From, Delta: 1), (At: s.To, Delta: -1) })
            .OrderBy(e => e.At).ThenBy(e => e.Delta); // an end before a start at the same instant: back-to-back is not overlap
        int current = 0, most = 0;
        foreach (var (_, delta) in events)
        {
            current += delta;
            most = Math.Max(most, current);
        }

        return most;
    }

    private int FirstStartingAtOrAfter(DateTime at)
    {
        int low = 0, high = _busy.Length;
        while (low < high)
        {
            var mid = (low + high) / 2;
            if (_busy[mid].From < at)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }
}
