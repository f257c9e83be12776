using Forma.Formats.Detection;
using Forma.Formats.Tests.Fit;

namespace Forma.Formats.Tests;

public class ActivityWriterTests
{
    [Theory]
    [InlineData(ActivityFormat.Fit, DetectedFormat.Fit)]
    [InlineData(ActivityFormat.Gpx, DetectedFormat.Gpx)]
    [InlineData(ActivityFormat.Tcx, DetectedFormat.Tcx)]
    public void Write_ProducesTheFormat_WhichReadsBackWithTheSameSamples(ActivityFormat format, DetectedFormat detected)
    {
        var activity = FitTestData.Decode("fit/garmin-fenix-5-bike.fit");
        using var output = new MemoryStream();

        ActivityWriter.Write(activity, format, output);

        Assert.Equal(detected, ActivitySniffer.Detect(output.ToArray()));
        output.Position = 0;
        var again = ActivityReader.Read(output);
        Assert.Equal(format, again.Metadata.Format);
        Assert.Equal(activity.Streams.Count, again.Streams.Count);
        Assert.Equal(activity.Streams[StreamNames.HeartRate], again.Streams[StreamNames.HeartRate]);
    }

    [Theory]
    [InlineData(ActivityFormat.Fit, "application/vnd.ant.fit", ".fit")]
    [InlineData(ActivityFormat.Gpx, "application/gpx+xml", ".gpx")]
    [InlineData(ActivityFormat.Tcx, "application/vnd.garmin.tcx+xml", ".tcx")]
    public void ContentTypeAndExtension_AreTheCustomaryOnes(ActivityFormat format, string contentType, string extension)
    {
        Assert.Equal(contentType, ActivityWriter.ContentType(format));
        Assert.Equal(extension, ActivityWriter.Extension(format));
    }

    [Fact]
    public void UnknownFormat_IsAnArgumentError()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ActivityWriter.Write(FitTestData.Decode("fit/garmin-fenix-5-bike.fit"), (ActivityFormat)99, Stream.Null));
    }
}
