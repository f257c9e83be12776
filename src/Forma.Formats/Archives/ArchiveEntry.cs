namespace Forma.Formats.Archives;

/// <summary>
/// One activity found in an export archive, with what the export's index says about it. Name, sport and
/// times come from the index (Strava's CSV, Apple's export.xml) and may be missing; the file itself is the
/// truth for everything else, read with <see cref="ActivityReader.Read"/>.
/// </summary>
public sealed class ArchiveEntry
{
    private readonly Func<Stream>? _open;

    internal ArchiveEntry(string path, Func<Stream>? open)
    {
        Path = path;
        _open = open;
    }

    /// <summary>
    /// Where the file sits in the archive, '/'-separated; inside a nested archive the nested archive's path
    /// comes first (<c>a/UploadedFiles_0.zip/1_ACTIVITY.fit</c>). An entry without a file names the index row
    /// instead (<c>activities.csv#123</c>, <c>apple_health_export/export.xml#workout-4</c>).
    /// </summary>
    public string Path { get; }

    public string? Name { get; init; }

    /// <summary>Lower-case sport in the FIT profile's words (<c>running</c>, <c>cycling</c>), when the index says.</summary>
    public string? Sport { get; init; }

    /// <summary>FIT profile sub-sport (<c>virtual_activity</c>), when the index says.</summary>
    public string? SubSport { get; init; }

    /// <summary>UTC start, when the index says.</summary>
    public DateTime? StartTime { get; init; }

    /// <summary>Duration as the index states it (Apple Health only).</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>Distance in metres as the index states it (Apple Health only).</summary>
    public double? Distance { get; init; }

    /// <summary>
    /// False for an activity the index lists without a recording (an Apple workout with no route, a manual
    /// Strava entry, a file the index names but the archive lacks): an importer reports it rather than reads it.
    /// </summary>
    public bool HasFile => _open is not null;

    /// <summary>
    /// Why the archive holds this entry but it is not read, when that is not simply a missing recording (an
    /// archive nested deeper than we open): an importer reports it so nothing disappears without a word.
    /// </summary>
    public string? SkipReason { get; init; }

    /// <summary>
    /// The file's bytes as stored (possibly gzip, which <see cref="ActivityReader"/> undoes), inflated under the
    /// archive's limits. Read one entry at a time: entries share the archive's stream. Throws
    /// <see cref="ActivityFormatException"/> (<c>archive-entry-no-file</c>) when <see cref="HasFile"/> is false.
    /// </summary>
    public Stream Open() => _open is null
        ? throw new ActivityFormatException("archive-entry-no-file", $"'{Path}' is listed by the export but has no recording.")
        : _open();

    public override string ToString() => Path;
}
