using System.IO.Compression;
using Forma.Formats.Archives;

namespace Forma.Formats.Tests.Archives;

/// <summary>Builds export archives in memory from fixture bytes, so no archive is stored in the repository.</summary>
internal static class Zips
{
    public static byte[] Build(params (string Name, byte[] Data)[] entries) => Build(CompressionLevel.Fastest, entries);

    public static byte[] Build(CompressionLevel level, params (string Name, byte[] Data)[] entries)
    {
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, data) in entries)
            {
                using var stream = zip.CreateEntry(name, level).Open();
                stream.Write(data);
            }
        }

        return output.ToArray();
    }

    public static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>One entry's bytes from a fixture zip.</summary>
    public static byte[] Extract(string fixture, string name)
    {
        using var zip = ZipFile.OpenRead(Fixtures.Path(fixture));
        using var content = new MemoryStream();
        using (var entry = zip.GetEntry(name)!.Open())
        {
            entry.CopyTo(content);
        }

        return content.ToArray();
    }

    public static ExportArchive Open(byte[] zip, ArchiveLimits? limits = null) => ExportArchive.Open(new MemoryStream(zip), limits);

    public static ActivityFile Read(ArchiveEntry entry)
    {
        using var content = entry.Open();
        return ActivityReader.Read(content);
    }
}
