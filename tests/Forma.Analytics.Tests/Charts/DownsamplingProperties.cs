using Forma.Analytics.Charts;
using Forma.Analytics.Tests.Merging;
using Forma.Formats;
using FsCheck.Xunit;

namespace Forma.Analytics.Tests.Charts;

/// <summary>What a chart may rely on, whatever the recording: its ends, the number of points it asked for, aligned rows.</summary>
public class DownsamplingProperties
{
    [Property(MaxTest = 300)]
    public void Thinning_KeepsTheFirstAndLastRows_AndGivesTheAskedNumberOfRowsAtMost(int seed, byte length, byte extra)
    {
        var count = 1 + length * 4;
        var points = 2 + extra;
        var streams = RandomRecordings.Streams(seed, count);
        var time = streams[StreamNames.Time]!;

        var thinned = Downsampling.Thin(streams, points);

        var keptTime = thinned[StreamNames.Time];
        Assert.Equal(Math.Min(count, points), keptTime.Length);
        Assert.Equal(time[0], keptTime[0]);
        Assert.Equal(time[^1], keptTime[^1]);
        Assert.All(keptTime.Zip(keptTime.Skip(1)), pair => Assert.True(pair.First < pair.Second, "rows are kept once each, in order"));
    }

    // Time is strictly ascending, so each kept time names its row: every other stream must hold that row's value.
    [Property(MaxTest = 200)]
    public void EveryStreamKeepsTheSameRows(int seed, byte length, byte extra)
    {
        var streams = RandomRecordings.Streams(seed, 1 + length * 4);
        var rowOf = streams[StreamNames.Time]!.Select((t, row) => (t, row)).ToDictionary(p => p.t, p => p.row);

        var thinned = Downsampling.Thin(streams, 2 + extra);

        var rows = thinned[StreamNames.Time].Select(t => rowOf[t!.Value]).ToArray();
        foreach (var (name, values) in streams.All)
        {
            Assert.Equal(rows.Select(r => double.IsFinite(values[r]) ? values[r] : (double?)null), thinned[name]);
        }
    }
}
