namespace Forma.Formats.Archives;

/// <summary>
/// Refuses entry names that would point outside the archive if anyone ever wrote them to disk. We never
/// extract, but entry paths travel on (import reports, storage keys), so a hostile name is refused at the door.
/// </summary>
internal static class EntryPaths
{
    public static bool IsSafe(string name)
    {
        if (name.Length == 0 || name[0] == '/' || name.Contains('\\', StringComparison.Ordinal))
        {
            return false;
        }

        if (name.Length >= 2 && name[1] == ':' && char.IsAsciiLetter(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (char.IsControl(c))
            {
                return false;
            }
        }

        foreach (var segment in name.Split('/'))
        {
            if (segment == "..")
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>macOS zips carry resource forks (<c>__MACOSX/</c>, <c>._name</c>) beside the real files; they are never activities.</summary>
    public static bool IsJunk(string name) =>
        name.StartsWith("__MACOSX/", StringComparison.Ordinal)
        || FileName(name).StartsWith("._", StringComparison.Ordinal)
        || FileName(name) == ".DS_Store";

    public static string FileName(string name) => name[(name.LastIndexOf('/') + 1)..];
}
