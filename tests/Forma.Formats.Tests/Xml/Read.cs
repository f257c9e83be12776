using System.Text;
using Forma.Formats.Gpx;
using Forma.Formats.Tcx;

namespace Forma.Formats.Tests.Xml;

/// <summary>Reads fixtures and inline documents through the public readers.</summary>
internal static class Read
{
    public static ActivityFile GpxFixture(string relative)
    {
        using var stream = File.OpenRead(Fixtures.Path(relative));
        return GpxReader.Read(stream);
    }

    public static ActivityFile TcxFixture(string relative)
    {
        using var stream = File.OpenRead(Fixtures.Path(relative));
        return TcxReader.Read(stream);
    }

    public static ActivityFile Gpx(string xml, GpxReadOptions? options = null) => GpxReader.Read(Utf8(xml), options);

    public static ActivityFile Tcx(string xml, TcxReadOptions? options = null) => TcxReader.Read(Utf8(xml), options);

    public static ActivityFile Tcx(byte[] document) => TcxReader.Read(new MemoryStream(document));

    public static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    /// <summary>The values of a stream that are present (not NaN).</summary>
    public static double[] Present(this SampleStreams streams, string name) =>
        streams[name]?.Where(v => !double.IsNaN(v)).ToArray() ?? [];
}
