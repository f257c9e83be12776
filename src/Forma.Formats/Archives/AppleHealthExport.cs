using System.IO.Compression;
using System.Xml;

namespace Forma.Formats.Archives;

/// <summary>
/// An Apple Health export: <c>export.xml</c> lists every workout, and a workout recorded with GPS names its
/// route, a GPX file under <c>workout-routes/</c>. A workout without a route (a treadmill run, a swim, a
/// strength session) still becomes an entry, without a file but with its type, start, duration and
/// distance, so an importer can say what it skipped or record it as a manual activity. Everything else in
/// the file (millions of heart-rate records) is skipped unread.
/// </summary>
internal static class AppleHealthExport
{
    public const string IndexName = "export.xml";

    public static bool IsIndex(ZipArchiveEntry entry) =>
        EntryPaths.FileName(entry.FullName) == IndexName && entry.FullName.Count(c => c == '/') <= 1;

    public static List<ArchiveEntry> Entries(ZipContainer root, ZipArchiveEntry index)
    {
        try
        {
            try
            {
                return Read(root, index, DtdProcessing.Prohibit);
            }
            catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.Ordinal))
            {
                // Apple writes an internal DTD. Ignore skips it unparsed, so no entity is ever declared, let alone
                // expanded, and nothing is fetched (no resolver); a reference to one fails as undeclared.
                return Read(root, index, DtdProcessing.Ignore);
            }
        }
        catch (XmlException e)
        {
            throw ArchiveErrors.IndexMalformed(IndexName, e.Message, e);
        }
    }

    private static List<ArchiveEntry> Read(ZipContainer root, ZipArchiveEntry index, DtdProcessing dtd)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = dtd,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = true,
        };
        using var xml = XmlReader.Create(root.Open(index), settings);
        var folder = index.FullName[..^IndexName.Length];
        var entries = new List<ArchiveEntry>();
        xml.MoveToContent();
        xml.Read();
        while (!xml.EOF)
        {
            if (xml.NodeType != XmlNodeType.Element || xml.Depth != 1)
            {
                xml.Read();
            }
            else if (xml.LocalName == "Workout")
            {
                var workout = AppleWorkout.Read(xml);
                entries.Add(Entry(root, index, folder, workout, entries.Count + 1));
            }
            else
            {
                xml.Skip();
            }
        }

        return entries;
    }

    private static ArchiveEntry Entry(ZipContainer root, ZipArchiveEntry index, string folder, AppleWorkout workout, int number)
    {
        // FileReference paths are absolute within the export folder: "/workout-routes/route_….gpx".
        var routeName = workout.RoutePath is null ? null : folder + workout.RoutePath.TrimStart('/');
        var route = routeName is not null && EntryPaths.IsSafe(routeName) ? root.Find(routeName) : null;
        return new ArchiveEntry(route is null ? $"{root.PathOf(index)}#workout-{number}" : root.PathOf(route), route is null ? null : () => root.Open(route))
        {
            Sport = AppleValues.Sport(workout.Type),
            StartTime = AppleValues.Date(workout.Start),
            Duration = workout.Duration,
            Distance = workout.Distance,
        };
    }
}
