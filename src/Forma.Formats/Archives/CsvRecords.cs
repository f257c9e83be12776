using System.Text;

namespace Forma.Formats.Archives;

/// <summary>
/// Reads RFC 4180 CSV one record at a time: quoted fields may hold commas, doubled quotes and line breaks
/// (Strava's activity descriptions do). Lenient where exports are sloppy: a stray quote mid-field starts
/// quoting, an unterminated quote ends at the end of input. A record longer than the cap is refused, so one
/// unbalanced quote cannot pull a whole file into memory.
/// </summary>
internal sealed class CsvRecords(TextReader reader, int maxRecordChars)
{
    private readonly StringBuilder _field = new();

    /// <summary>The next record's fields; null at the end of input.</summary>
    public List<string>? Next()
    {
        var c = reader.Read();
        if (c < 0)
        {
            return null;
        }

        var fields = new List<string>();
        var quoted = false;
        var length = 0;
        _field.Clear();
        for (; c >= 0; c = reader.Read())
        {
            if (++length > maxRecordChars)
            {
                throw ArchiveErrors.IndexMalformed("CSV", $"a record is longer than {maxRecordChars} characters.");
            }

            var ch = (char)c;
            if (quoted && ch == '"' && reader.Peek() == '"')
            {
                reader.Read();
                _field.Append('"');
            }
            else if (quoted)
            {
                quoted = ch != '"';
                if (quoted)
                {
                    _field.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                fields.Add(_field.ToString());
                _field.Clear();
            }
            else if (ch is '\r' or '\n')
            {
                if (ch == '\r' && reader.Peek() == '\n')
                {
                    reader.Read();
                }

                break;
            }
            else
            {
                _field.Append(ch);
            }
        }

        fields.Add(_field.ToString());
        return fields;
    }
}
