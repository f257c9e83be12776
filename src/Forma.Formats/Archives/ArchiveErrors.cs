namespace Forma.Formats.Archives;

/// <summary>
/// The archive error codes in one place, and the one spot where the runtime's zip exceptions become ours,
/// so a caller only ever sees <see cref="ActivityFormatException"/>.
/// </summary>
internal static class ArchiveErrors
{
    public static ActivityFormatException Corrupt(string? path, Exception? inner = null) => new(
        "archive-corrupt",
        path is null ? "The zip archive is corrupt or truncated." : $"The zip archive is corrupt at '{path}'.",
        null,
        inner);

    public static ActivityFormatException TooLarge(string message) => new("archive-too-large", message);

    public static ActivityFormatException UnsafePath(string path) =>
        new("archive-unsafe-path", $"The archive holds an entry with an unsafe name ('{path}'): absolute, with '..', a drive letter or backslashes.");

    public static ActivityFormatException TooManyEntries(int max, long reached) =>
        new("archive-too-many-entries", $"The archive holds more than {max:N0} entries (counting stopped at {reached:N0}); split the export into smaller archives.");

    public static ActivityFormatException IndexMalformed(string index, string problem, Exception? inner = null) =>
        new("archive-index-malformed", $"The export's {index} cannot be read: {problem}", null, inner);

    /// <summary>Runs a step that reads the zip; the runtime reports damage as any of these three.</summary>
    public static T Guard<T>(string? path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or NotSupportedException)
        {
            throw Corrupt(path, e);
        }
    }
}
