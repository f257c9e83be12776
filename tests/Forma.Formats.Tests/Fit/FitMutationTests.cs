using System.Collections.Concurrent;
using System.Diagnostics;
using Forma.Formats.Fit;

namespace Forma.Formats.Tests.Fit;

/// <summary>
/// Thousands of corrupted variants of the fixtures: each must end in <see cref="ActivityFormatException"/> or a
/// consistent result, quickly. Seeded, so a failure names a variant that can be replayed.
/// </summary>
public class FitMutationTests
{
    private const int Seed = 20261122;
    private const int Variants = 12_000;

    private static readonly string[] Sources =
    [
        "fit/garmin-fenix-5-run.fit", "fit/garmin-fenix-5-bike.fit", "fit/garmin-edge-820-bike.fit",
        "fit/compressed-speed-distance.fit", "fit/antfs-dump.63.fit", "fit/activity-settings.fit",
        "fit/2015-10-13-08-43-15.fit", "fit/elemnt-bolt-no-application-id-inside-developer-data-id.fit",
        "fit/garmin-fit-sdk-license/DeveloperData.fit", "fit/garmin-fit-sdk-license/activity_multisport.fit",
        "fit/garmin-fit-sdk-license/activity_poolswim.fit", "fit/gpl-2.0/moxy.fit", "fit/non-activity/Settings.fit",
        "fit/non-activity/MonitoringFile.fit", "fit/2013-02-06-12-11-14.fit", "fit/sample-activity-indoor-trainer.fit",
    ];

    [Fact]
    public void CorruptedFixtures_EndInTypedErrorOrValidResult_WithinOneSecond()
    {
        var files = Sources.Select(Fixtures.Bytes).ToArray();
        FitDecoder.Decode(files[0]); // JIT before the clock runs
        var failures = new ConcurrentQueue<string>();
        var errors = 0;
        var decoded = 0;

        Parallel.For(0, Variants, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var random = new Random(Seed + i);
            var source = random.Next(files.Length);
            var kind = random.Next(FitMutator.Kinds);
            var variant = FitMutator.Mutate(files[source], kind, random);
            var options = new FitDecodeOptions { IgnoreCrc = random.Next(3) == 0, MaxMessages = 1_000_000 };
            var outcome = Run(variant, options);
            if (outcome.Elapsed > TimeSpan.FromSeconds(1))
            {
                outcome = Run(variant, options); // once more, to tell a slow decode from a busy machine
            }

            if (outcome.Failure is not null || outcome.Elapsed > TimeSpan.FromSeconds(1))
            {
                failures.Enqueue($"variant {i} ({Sources[source]}, mutation {kind}) took {outcome.Elapsed}: {outcome.Failure}");
            }
            else if (outcome.Decoded)
            {
                Interlocked.Increment(ref decoded);
            }
            else
            {
                Interlocked.Increment(ref errors);
            }
        });

        Assert.True(failures.IsEmpty, string.Join('\n', failures.Take(20)));
        Assert.Equal(Variants, errors + decoded);
        Assert.True(errors > 1000 && decoded > 1000, $"{errors} errors, {decoded} decoded: the mutations should produce both");
    }

    private static (bool Decoded, TimeSpan Elapsed, string? Failure) Run(byte[] variant, FitDecodeOptions options)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var activity = FitDecoder.Decode(variant, options);
            var aligned = activity.Streams.All.Values.All(s => s.Length == activity.Streams.Count);
            return (true, clock.Elapsed, aligned ? null : "streams of different lengths");
        }
        catch (ActivityFormatException e) when (e.Code.StartsWith("fit-", StringComparison.Ordinal))
        {
            return (false, clock.Elapsed, null);
        }
        catch (Exception e)
        {
            return (false, clock.Elapsed, $"{e.GetType().Name}: {e.Message} {e.StackTrace}");
        }
    }
}
