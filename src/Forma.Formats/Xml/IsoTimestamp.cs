namespace Forma.Formats.Xml;

/// <summary>
/// Parses the ISO 8601 / xs:dateTime forms activity files use: <c>2021-03-23T13:01:57Z</c>, with any number
/// of fractional digits (GPSBabel writes seven), an offset (<c>+00:00</c>, <c>+0100</c>) or none (read as UTC).
/// Hand-written rather than DateTime.TryParse, which also accepts "3/4/21" and locale forms we must refuse.
/// </summary>
internal static class IsoTimestamp
{
    public static bool TryParse(ReadOnlySpan<char> s, out DateTime utc)
    {
        utc = default;
        if (s.Length < 19 || s[4] != '-' || s[7] != '-' || (s[10] is not ('T' or 't' or ' ')) || s[13] != ':' || s[16] != ':')
        {
            return false;
        }

        if (!Digits(s[..4], out var year) || !Digits(s.Slice(5, 2), out var month) || !Digits(s.Slice(8, 2), out var day)
            || !Digits(s.Slice(11, 2), out var hour) || !Digits(s.Slice(14, 2), out var minute) || !Digits(s.Slice(17, 2), out var second))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var rest = s[19..];
        long fractionTicks = 0;
        if (rest.Length > 0 && rest[0] == '.')
        {
            var digits = 0;
            var scale = TimeSpan.TicksPerSecond;
            for (rest = rest[1..]; rest.Length > 0 && char.IsAsciiDigit(rest[0]); rest = rest[1..], digits++)
            {
                // Digits past the seventh are below a tick; they are read and dropped.
                scale /= 10;
                fractionTicks += (rest[0] - '0') * scale;
            }

            if (digits == 0)
            {
                return false;
            }
        }

        if (!TryOffset(rest, out var offsetTicks))
        {
            return false;
        }

        var ticks = new DateTime(year, month, day, hour, minute, second).Ticks + fractionTicks - offsetTicks;
        if (ticks < 0 || ticks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        utc = new DateTime(ticks, DateTimeKind.Utc);
        return true;
    }

    private static bool TryOffset(ReadOnlySpan<char> s, out long ticks)
    {
        ticks = 0;
        if (s.IsEmpty || s is "Z" or "z")
        {
            return true;
        }

        if (s[0] is not ('+' or '-'))
        {
            return false;
        }

        var sign = s[0] == '-' ? -1 : 1;
        var body = s[1..];
        var colon = body.Length == 5 && body[2] == ':';
        if (!(body.Length is 2 or 4 || colon) || !Digits(body[..2], out var hours))
        {
            return false;
        }

        var minutes = 0;
        if ((body.Length > 2 && !Digits(body[(colon ? 3 : 2)..], out minutes)) || hours > 14 || minutes > 59)
        {
            return false;
        }

        ticks = sign * ((hours * TimeSpan.TicksPerHour) + (minutes * TimeSpan.TicksPerMinute));
        return true;
    }

    private static bool Digits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return !s.IsEmpty;
    }
}
