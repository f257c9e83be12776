using BenchmarkDotNet.Attributes;
using Forma.Analytics.Curves;
using Forma.Analytics.Load;
using Forma.Testing;

namespace Forma.Benchmarks;

/// <summary>
/// Issue 5's analytics targets on one core: the mean-max curve of a 6 h ride at 1 Hz (a ride-like stream, and a
/// flat one on which no block can be pruned — the scan's worst case), the load model over 10 years, and the best
/// of 2,000 stored curves of 1–6 h.
/// </summary>
[MemoryDiagnoser]
public class AnalyticsBenchmarks
{
    private const int SixHours = 6 * 3600;
    private double[] _ride = [];
    private double[] _flat = [];
    private double[] _loads = [];
    private double[][] _curves = [];
    private double[] _curve = [];
    private byte[] _encoded = [];

    [GlobalSetup]
    public void Setup()
    {
        _ride = SyntheticRide.Power(42, SixHours);
        _flat = Enumerable.Repeat(250.0, SixHours).ToArray();
        var random = new Random(5);
        _loads = [.. Enumerable.Range(0, 3650).Select(_ => random.NextDouble() < 0.3 ? 0 : random.Next(20, 250))];

        // Stored curves: real curves of rides of 1–6 h would cost minutes to compute here, so each is a decreasing
        // curve of a random length with noise; aggregation reads values, not their shape.
        _curves = [.. Enumerable.Range(0, 2000).Select(_ =>
        {
            var length = random.Next(3600, SixHours + 1);
            var level = 200 + (random.NextDouble() * 100);
            return Enumerable.Range(1, length).Select(t => level + (20_000.0 / (t + 20)) + random.NextDouble()).ToArray();
        })];
        _curve = MeanMax.Compute(_ride.AsSpan());
        _encoded = CurveCodec.Encode(_curve);
    }

    [Benchmark]
    public double MeanMaxSixHourRide() => MeanMax.Compute(_ride.AsSpan())[^1];

    [Benchmark]
    public double MeanMaxSixHourFlat() => MeanMax.Compute(_flat.AsSpan())[^1];

    [Benchmark]
    public double LoadModelTenYears() => LoadModel.Compute(new DateOnly(2016, 1, 1), _loads)[^1].Ctl;

    [Benchmark]
    public double AggregateTwoThousandCurves() => CurveAggregation.Best(_curves).Values[0];

    [Benchmark]
    public int EncodeSixHourCurve() => CurveCodec.Encode(_curve).Length;

    [Benchmark]
    public int DecodeSixHourCurve() => CurveCodec.Decode(_encoded).Length;
}
