using System.Buffers.Binary;
using System.IO.Compression;
using Forma.Formats.Detection;
using Forma.Formats.Gpx;

namespace Forma.Formats.Tests.Detection;

public class GzipFilesTests
{
    [Fact]
    public void Open_StravaFitGz_DecompressesToTheWholeFitFile()
    {
        using var input = File.OpenRead(Fixtures.Path("compressed/gpl-2.0/14582164182.fit.gz"));
        using var opened = GzipFiles.Open(input);
        using var content = new MemoryStream();
        opened.CopyTo(content);
        var fit = content.ToArray();

        // The FIT header states its own size: header length + data size (bytes 4-7) + the 2-byte file CRC.
        Assert.Equal(DetectedFormat.Fit, ActivitySniffer.Detect(fit));
        Assert.Equal(fit[0] + (int)BinaryPrimitives.ReadUInt32LittleEndian(fit.AsSpan(4)) + 2, fit.Length);
    }

    [Fact]
    public void Open_PlainInput_IsPassedThroughUnchanged()
    {
        var bytes = Fixtures.Bytes("gpx/riderx3.gpx");
        using var opened = GzipFiles.Open(new NonSeekableStream(bytes));
        using var content = new MemoryStream();
        opened.CopyTo(content);

        Assert.Equal(bytes, content.ToArray());
    }

    [Fact]
    public void Open_GzippedGpx_ReadsThroughTheGpxReader()
    {
        using var opened = GzipFiles.Open(new MemoryStream(Gzip(Fixtures.Bytes("gpx/riderx3.gpx"))));

        Assert.Equal(931, GpxReader.Read(opened).Streams.Count);
    }

    [Fact]
    public void Open_ZipBomb_IsRefusedByRatio()
    {
        var bomb = Gzip(new byte[64 << 20], CompressionLevel.SmallestSize); // 64 MiB of zeros compress about 1000:1

        var error = Assert.Throws<ActivityFormatException>(() => GzipFiles.Open(new MemoryStream(bomb)).CopyTo(Stream.Null));

        Assert.Equal("archive-too-large", error.Code);
    }

    [Fact]
    public void Open_BeyondTheSizeCap_IsRefused()
    {
        var limits = new DecompressionLimits { MaxDecompressedBytes = 100_000 };
        var data = Gzip(Fixtures.Bytes("gpx/riderx3.gpx"));

        var error = Assert.Throws<ActivityFormatException>(() => GzipFiles.Open(new MemoryStream(data), limits).CopyTo(Stream.Null));

        Assert.Equal("archive-too-large", error.Code);
    }

    [Fact]
    public void Open_LimitBrokenWhileAReaderParses_ReachesTheCallerAsTheArchiveError()
    {
        using var opened = GzipFiles.Open(new MemoryStream(Gzip(Fixtures.Bytes("gpx/riderx3.gpx"))), new DecompressionLimits { MaxDecompressedBytes = 50_000 });

        Assert.Equal("archive-too-large", Assert.Throws<ActivityFormatException>(() => GpxReader.Read(opened)).Code);
    }

    [Fact]
    public void Open_CorruptGzip_IsRefused()
    {
        var data = Gzip(Fixtures.Bytes("gpx/riderx3.gpx"));
        data.AsSpan(20, 200).Fill(0xAB);

        var error = Assert.Throws<ActivityFormatException>(() => GzipFiles.Open(new MemoryStream(data)).CopyTo(Stream.Null));

        Assert.Equal("archive-corrupt", error.Code);
    }

    private static byte[] Gzip(byte[] data, CompressionLevel level = CompressionLevel.Fastest)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, level))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    /// <summary>An upload body: readable once, no seeking, no length.</summary>
    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
