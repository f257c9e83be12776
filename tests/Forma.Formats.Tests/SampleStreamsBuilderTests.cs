namespace Forma.Formats.Tests;

public class SampleStreamsBuilderTests
{
    [Fact]
    public void Streams_StayAligned_WhenAStreamStartsLateOrSkipsRows()
    {
        var builder = new SampleStreamsBuilder();
        builder.BeginRow();
        builder.Set(StreamNames.Time, 0);
        builder.BeginRow();
        builder.Set(StreamNames.Time, 1);
        builder.Set(StreamNames.HeartRate, 120);
        builder.BeginRow();
        builder.Set(StreamNames.Time, 2);

        var streams = builder.Build();

        Assert.Equal(3, streams.Count);
        Assert.Equal([0, 1, 2], streams[StreamNames.Time]!);
        Assert.Equal([double.NaN, 120, double.NaN], streams[StreamNames.HeartRate]!);
        Assert.Null(streams[StreamNames.Power]);
    }

    [Fact]
    public void Fixtures_AreFoundBesideTheCheckout() =>
        Assert.True(File.Exists(Fixtures.Path("fit/garmin-fenix-5-run.fit")));
}
