using System.Globalization;
using System.Text;

namespace Forma.Web.Features.Booking;

/// <summary>One event of a calendar feed.</summary>
internal sealed record IcsEvent(string Uid, DateTime Start, DateTime End, string Summary, string? Description, bool Cancelled, int Sequence);

/// <summary>
/// Writes an iCalendar feed (RFC 5545): CRLF line ends, TEXT values escaped (§3.3.11: backslash, semicolon, comma,
/// newline) and content lines folded at 75 octets (§3.1) without splitting a UTF-8 character. Times are UTC.
/// </summary>
internal static class IcsWriter
{
    private const int MaxOctets = 75;

    public static string Write(string calendarName, IEnumerable<IcsEvent> events, DateTime stamp)
    {
        var ics = new StringBuilder();
        Line(ics, "BEGIN:VCALENDAR");
        Line(ics, "VERSION:2.0");
        Line(ics, "PRODID:-//Forma//Booking//EN");
        Line(ics, "CALSCALE:GREGORIAN");
        Line(ics, "METHOD:PUBLISH");
        Line(ics, "X-WR-CALNAME:" + Escape(calendarName));
        foreach (var e in events)
        {
            Line(ics, "BEGIN:VEVENT");
            Line(ics, "UID:" + e.Uid);
            Line(ics, "DTSTAMP:" + Utc(stamp));
            Line(ics, "DTSTART:" + Utc(e.Start));
            Line(ics, "DTEND:" + Utc(e.End));
            Line(ics, "SUMMARY:" + Escape(e.Summary));
            if (e.Description is { } description)
            {
                Line(ics, "DESCRIPTION:" + Escape(description));
            }

            Line(ics, "STATUS:" + (e.Cancelled ? "CANCELLED" : "CONFIRMED"));
            Line(ics, "SEQUENCE:" + e.Sequence.ToString(CultureInfo.InvariantCulture));
            Line(ics, "END:VEVENT");
        }

        Line(ics, "END:VCALENDAR");
        return ics.ToString();
    }

    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal)
            .Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\n", StringComparison.Ordinal);

    /// <summary>Appends one content line, folded: each physical line at most 75 octets, continuations starting with a space.</summary>
    public static void Line(StringBuilder ics, string line)
    {
        var octets = 0;
        var limit = MaxOctets;
        var index = 0;
        while (index < line.Length)
        {
            // A surrogate pair is one character of four octets; never split it either.
            var length = char.IsHighSurrogate(line[index]) && index + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(index, length));
            if (octets + size > limit)
            {
                ics.Append("\r\n ");
                octets = 0;
                limit = MaxOctets - 1; // the leading space counts
            }

            ics.Append(line, index, length);
            octets += size;
            index += length;
        }

        ics.Append("\r\n");
    }

    private static string Utc(DateTime instant) => instant.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
