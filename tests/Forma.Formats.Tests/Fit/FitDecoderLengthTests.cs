namespace Forma.Formats.Tests.Fit;

/// <summary>Pool lengths as <see cref="ActivityFile.Lengths"/>, against the FitCSVTool dump of the FIT Cookbook pool swim.</summary>
public class FitDecoderLengthTests
{
    private static readonly string[] Strokes = ["freestyle", "backstroke", "breaststroke", "butterfly", "drill"];

    [Fact]
    public void PoolSwim_Lengths_MatchFitCsvTool()
    {
        var lengths = FitTestData.Decode("fit/garmin-fit-sdk-license/activity_poolswim.fit").Lengths;
        var expected = FitCsvToolFile.ReadData(Fixtures.Path("fit/garmin-fit-sdk-license/activity_poolswim.csv"))
            .Where(r => r.Message == "length").Select(r => r.Fields).ToList();

        Assert.Equal(24, expected.Count);
        Assert.Equal(24, lengths.Count);
        foreach (var (row, length) in expected.Zip(lengths))
        {
            Assert.Equal(FitTestData.FitEpoch.AddSeconds(FitCsvToolFile.Number(row, "start_time")!.Value), length.StartTime);
            Assert.Equal(FitCsvToolFile.Number(row, "total_elapsed_time"), length.ElapsedTime);
            Assert.Equal(FitCsvToolFile.Number(row, "total_timer_time"), length.TimerTime);
            Assert.Equal(FitCsvToolFile.Number(row, "total_strokes"), length.TotalStrokes);
            Assert.Equal(FitCsvToolFile.Number(row, "avg_speed"), length.AverageSpeed);
            Assert.Equal(FitCsvToolFile.Number(row, "swim_stroke") is { } s ? Strokes[(int)s] : null, length.SwimStroke);
            Assert.Equal(FitCsvToolFile.Number(row, "length_type") == 1 ? "active" : "idle", length.LengthType);
        }
    }

    [Fact]
    public void PoolSwim_RestAtTheWall_IsAnIdleLengthWithoutStrokes()
    {
        // The dump's fifth length (message_index 4): 60 s idle, no stroke fields.
        var rest = FitTestData.Decode("fit/garmin-fit-sdk-license/activity_poolswim.fit").Lengths[4];

        Assert.Equal(new SwimLength(FitTestData.FitEpoch.AddSeconds(995749990), 60, 60, null, null, null, "idle"), rest);
    }
}
