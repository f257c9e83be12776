using Forma.Analytics.Curves;
using Forma.Analytics.Metrics;
using Forma.Analytics.Physiology;
using Forma.Analytics.Zones;
using Forma.Core.Activities;
using Forma.Core.Training;
using Forma.Formats;

namespace Forma.Web.Features.Analytics;

/// <summary>What the analysis stores as JSON and the API returns: the activity's metrics, each lap's, and the thresholds and zones they used.</summary>
public sealed record ActivityAnalysisDetails(ActivityMetricsResult Metrics, IReadOnlyList<ActivityMetricsResult> Laps, Thresholds Thresholds, IReadOnlyList<ZoneSetResponse> Zones);

/// <summary>Everything computed for one activity, before it is stored.</summary>
internal sealed record ActivityAnalysisResult(
    AnalysisNumbers Numbers,
    ActivityAnalysisDetails Details,
    IReadOnlyList<(string Stream, double[] Curve)> Curves,
    IReadOnlyList<(string Key, double Value)> Bests)
{
    /// <summary>The streams a mean-max curve is kept for (speed stands in for pace).</summary>
    public static readonly IReadOnlyList<string> CurveStreams = [StreamNames.Power, StreamNames.HeartRate, StreamNames.Speed];

    public static ActivityAnalysisResult Compute(SampleStreams streams, Activity activity, Thresholds thresholds, IReadOnlyList<ZoneSet> zones, IReadOnlyList<(int From, int To)> laps)
    {
        var metrics = ActivityMetrics.Compute(streams, activity.Sport, thresholds, zones);
        var lapMetrics = laps.Select(l => ActivityMetrics.Compute(streams, activity.Sport, thresholds, l.From, l.To, zones)).ToList();
        var time = streams[StreamNames.Time];
        var curves = new List<(string, double[])>();
        if (time is not null)
        {
            foreach (var name in CurveStreams)
            {
                if (streams[name] is { } values && values.Any(double.IsFinite))
                {
                    var curve = MeanMax.Compute(time, values);
                    if (curve.Length > 0)
                    {
                        curves.Add((name, curve));
                    }
                }
            }
        }

        var numbers = new AnalysisNumbers(metrics.Load, metrics.LoadMethod, metrics.MovingTime, metrics.Distance, metrics.NormalizedPower, metrics.AverageHeartRate);
        return new ActivityAnalysisResult(numbers, new ActivityAnalysisDetails(metrics, lapMetrics, thresholds, zones.Select(ZoneSetResponse.From).ToList()), curves, FindBests(streams, activity.Sport, curves));
    }

    /// <summary>Power bests from the power curve; running and swimming distance bests from the distance stream (efforts inside longer sessions count).</summary>
    private static List<(string, double)> FindBests(SampleStreams streams, string sport, List<(string Stream, double[] Curve)> curves)
    {
        var bests = new List<(string, double)>();
        if (curves.FirstOrDefault(c => c.Stream == StreamNames.Power).Curve is { } power)
        {
            foreach (var seconds in BestKeys.PowerSeconds.Where(s => s <= power.Length))
            {
                bests.Add((BestKeys.Power(seconds), power[seconds - 1]));
            }
        }

        var family = SportFamily(sport);
        if (family is null || streams[StreamNames.Time] is not { } time || streams[StreamNames.Distance] is not { } distance)
        {
            return bests;
        }

        var targets = family == "run" ? BestEfforts.RunningDistances : BestEfforts.SwimmingDistances;
        foreach (var effort in BestEfforts.Find(time, distance, targets))
        {
            bests.Add((family == "run" ? BestKeys.Running(effort.Metres) : BestKeys.Swimming(effort.Metres), effort.Seconds));
        }

        return bests;
    }

    private static string? SportFamily(string sport) => sport switch
    {
        "running" or "trail_running" or "treadmill" => "run",
        "swimming" or "open_water" or "lap_swimming" => "swim",
        _ => null,
    };
}
