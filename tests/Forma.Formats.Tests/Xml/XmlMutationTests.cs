using System.Diagnostics;
using Forma.Formats.Detection;
using Forma.Formats.Gpx;
using Forma.Formats.Tcx;

namespace Forma.Formats.Tests.Xml;

/// <summary>
/// Fuzzing with a fixed seed: 10,000 corrupted variants of the GPX and TCX fixtures. Each must end in an
/// <see cref="ActivityFormatException"/> or a valid file, within a second — never another exception, a hang
/// or an expanded entity.
/// </summary>
public class XmlMutationTests
{
    private const int Variants = 10_000;
    private const int Seed = 20_260_522;

    private static readonly string[] GpxFixtures =
    [
        "gpx/gpx_with_garmin_extension.gpx", "gpx/route.gpx", "gpx/Mojstrovka.gpx", "gpx/cerknicko-jezero.gpx", "gpx/korita-zbevnica.gpx",
        "gpx/riderx3.gpx", "gpx/broken5.gpx", "gpx/gpl-2.0/UrbanBiker2019-04-18_16-12.gpx", "gpx/gpl-2.0/Move_2014_01_17_09_33_11.gpx",
        "apple_health/apple_health_export/workout-routes/route_2019-06-11_3.00pm.gpx",
    ];

    private static readonly string[] TcxFixtures =
    [
        "tcx/test.tcx", "tcx/mapmyride_biking.tcx", "tcx/11.tcx", "tcx/cc-by-sa-4.0/running_activity_1.tcx",
        "tcx/cc-by-sa-4.0/pool_swim-activity_1.tcx", "tcx/gpl-2.0/2009_09_19_09_22_42.tcx", "tcx/gpl-2.0/activity_165850259_multi-session.tcx",
    ];

    [Fact]
    public void Read_CorruptedFixtures_EndInAFormatErrorOrAValidFile()
    {
        var documents = GpxFixtures.Select(f => (Gpx: true, Text: Shrunk(f)))
            .Concat(TcxFixtures.Select(f => (Gpx: false, Text: Shrunk(f))))
            .ToArray();
        var mutations = Enum.GetValues<Mutation>();
        var random = new Random(Seed);
        var failures = new List<string>();
        var (valid, refused) = (0, 0);

        for (var i = 0; i < Variants && failures.Count < 10; i++)
        {
            var (isGpx, text) = documents[random.Next(documents.Length)];
            var mutation = mutations[random.Next(mutations.Length)];
            var bytes = XmlMutator.Mutate(text, mutation, random);
            var clock = Stopwatch.StartNew();
            try
            {
                ActivitySniffer.Detect(bytes);
                Check(isGpx ? GpxReader.Read(new MemoryStream(bytes)) : TcxReader.Read(new MemoryStream(bytes)));
                valid++;
                if (mutation is Mutation.BillionLaughs or Mutation.ExternalEntity)
                {
                    failures.Add($"#{i} {mutation}: the DTD was accepted");
                }
            }
            catch (ActivityFormatException e) when (mutation is not (Mutation.BillionLaughs or Mutation.ExternalEntity) || e.Code == "xml-dtd-prohibited")
            {
                refused++;
            }
            catch (Exception e)
            {
                failures.Add($"#{i} {mutation}: {e.GetType().Name}: {e.Message}");
            }

            if (clock.Elapsed > TimeSpan.FromSeconds(1))
            {
                failures.Add($"#{i} {mutation}: took {clock.Elapsed.TotalMilliseconds:F0} ms");
            }
        }

        Assert.Empty(failures);

        // Both outcomes must be common, or the mutations are not exercising the readers.
        Assert.InRange(valid, Variants / 10, Variants);
        Assert.InRange(refused, Variants / 10, Variants);
    }

    /// <summary>What a valid result promises: aligned columns, finite values, UTC times.</summary>
    private static void Check(ActivityFile file)
    {
        foreach (var (name, values) in file.Streams.All)
        {
            Assert.Equal(file.Streams.Count, values.Length);
            Assert.DoesNotContain(values, v => double.IsInfinity(v));
            if (name == StreamNames.Latitude)
            {
                Assert.DoesNotContain(values, v => Math.Abs(v) > 90);
            }
        }

        Assert.True(file.Metadata.StartTime is null || file.Metadata.StartTime.Value.Kind == DateTimeKind.Utc);
    }

    private static string Shrunk(string relative) => XmlMutator.Shrink(File.ReadAllText(Fixtures.Path(relative)), keep: 30);
}
