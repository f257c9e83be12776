namespace Forma.Formats.Tests;

public class ActivityReaderTests
{
    [Theory]
    [InlineData("fit/garmin-fenix-5-run.fit", ActivityFormat.Fit, "running")]
    [InlineData("compressed/gpl-2.0/14582164182.fit.gz", ActivityFormat.Fit, null)]
    [InlineData("gpx/Mojstrovka.gpx", ActivityFormat.Gpx, null)]
    [InlineData("tcx/test.tcx", ActivityFormat.Tcx, null)]
    public void Read_RecognisesTheFormatByItsBytes(string fixture, ActivityFormat format, string? sport)
    {
        using var file = File.OpenRead(Fixtures.Path(fixture));

        var activity = ActivityReader.Read(file);

        Assert.Equal(format, activity.Metadata.Format);
        Assert.True(activity.Streams.Count > 0);
        if (sport is not null)
        {
            Assert.Equal(sport, activity.Metadata.Sport);
        }
    }

    [Fact]
    public void Read_OfAZipOrOfNoActivityFormat_IsATypedError()
    {
        using (var zip = File.OpenRead(Fixtures.Path("compressed/gpl-2.0/GarminFR955v18.zip")))
        {
            Assert.Equal("archive-not-a-file", Assert.Throws<ActivityFormatException>(() => ActivityReader.Read(zip)).Code);
        }

        Assert.Equal("format-unknown", Assert.Throws<ActivityFormatException>(() => ActivityReader.Read(new MemoryStream("hello, world"u8.ToArray()))).Code);
        Assert.Equal("format-unknown", Assert.Throws<ActivityFormatException>(() => ActivityReader.Read(new MemoryStream())).Code);
    }
}
