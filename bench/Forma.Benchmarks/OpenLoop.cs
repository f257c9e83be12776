using System.Diagnostics;

namespace Forma.Benchmarks;

/// <summary>
/// An open-loop load: requests started at a fixed rate whatever the responses do, so a slow response cannot slow the
/// offered load and the percentiles include queueing (a closed loop would hide it: coordinated omission).
/// </summary>
internal static class OpenLoop
{
    /// <summary>Starts <paramref name="rate"/> requests a second for <paramref name="seconds"/>; the sorted latencies in ms, the failures, the seconds taken.</summary>
    public static async Task<(double[] Latencies, int Failures, double Elapsed)> RunAsync(Func<Task<bool>> request, int rate, int seconds)
    {
        var latencies = new double[rate * seconds];
        var failures = 0;
        var clock = Stopwatch.StartNew();
        var requests = new List<Task>(latencies.Length);
        while (requests.Count < latencies.Length)
        {
            // Start every request that is due by now (timer resolution is coarser than 1/rate), then wait a little.
            var due = Math.Min(latencies.Length, (int)(clock.Elapsed.TotalSeconds * rate) + 1);
            while (requests.Count < due)
            {
                var slot = requests.Count;
                requests.Add(Task.Run(async () =>
                {
                    var started = Stopwatch.GetTimestamp();
                    if (!await request())
                    {
                        Interlocked.Increment(ref failures);
                    }

                    latencies[slot] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                }));
            }

            await Task.Delay(1);
        }

        await Task.WhenAll(requests);
        var elapsed = clock.Elapsed.TotalSeconds;
        Array.Sort(latencies);
        return (latencies, failures, elapsed);
    }

    public static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
}
