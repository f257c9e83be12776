using Forma.Formats.Xml;

namespace Forma.Formats.Tcx;

/// <summary>
/// Reads Garmin Training Center (TCX v2) activities into an <see cref="ActivityFile"/>: each &lt;Activity&gt;
/// (also those inside a MultiSportSession) is a session, each &lt;Lap&gt; a lap, and all track points one
/// stream set. Course files describe a planned route, not a recording, and are refused with <c>tcx-course</c>.
/// </summary>
public static class TcxReader
{
    public static ActivityFile Read(Stream stream, TcxReadOptions? options = null)
    {
        options ??= new TcxReadOptions();
        var document = SafeXml.Parse(stream, options, new TcxParser(options).Parse);
        return TcxActivityFile.From(document);
    }
}
