using System.Text;
using Forma.Formats.Archives;

namespace Forma.Formats.Tests.Archives;

public class AppleHealthExportTests
{
    private const string Folder = "apple_health/apple_health_export/";
    private const string Route = "workout-routes/route_2019-06-11_3.00pm.gpx";

    [Fact]
    public void Open_AppleHealthExport_TheWorkoutOpensItsRoute()
    {
        using var archive = Zips.Open(Export(File.ReadAllText(Fixtures.Path(Folder + "export.xml"))));

        Assert.Equal(ExportKind.AppleHealth, archive.Kind);
        var run = Assert.Single(archive.Entries);
        Assert.Equal("apple_health_export/" + Route, run.Path);
        Assert.Equal("running", run.Sport);

        // export.xml: startDate="2016-11-14 07:25:41 -0700", 5.19412346680959 min, 0.4971749504535062 mi.
        Assert.Equal(new DateTime(2016, 11, 14, 14, 25, 41, DateTimeKind.Utc), run.StartTime);
        Assert.Equal(311.647, run.Duration!.Value.TotalSeconds, 3);
        Assert.Equal(800.126, run.Distance!.Value, 3);
        var route = Zips.Read(run);
        Assert.Equal(ActivityFormat.Gpx, route.Metadata.Format);
        Assert.Equal("Route 2019-06-11 3:00pm", route.Metadata.Name);
        Assert.Equal(3, route.Streams.Count);
    }

    [Fact]
    public void Open_AppleInternalDtdAndRoutelessWorkouts_AreReadAndListed()
    {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE HealthData [
            <!ELEMENT HealthData (ExportDate,Me,(Record|Workout)*)>
            <!ATTLIST HealthData locale CDATA #REQUIRED>
            ]>
            <HealthData locale="en_US">
             <Record type="HKQuantityTypeIdentifierHeartRate" value="72"><MetadataEntry key="k" value="v"/></Record>
             <Workout workoutActivityType="HKWorkoutActivityTypeTraditionalStrengthTraining" duration="0.5" durationUnit="hr" startDate="2023-01-02 18:00:00 +0100"/>
             <Workout workoutActivityType="HKWorkoutActivityTypeSwimming" duration="1800" durationUnit="s" startDate="2023-01-03 07:00:00 +0000">
              <WorkoutStatistics type="HKQuantityTypeIdentifierDistanceSwimming" sum="1.5" unit="km"/>
             </Workout>
             <Workout workoutActivityType="HKWorkoutActivityTypeCycling" startDate="2023-01-04 07:00:00 +0000">
              <WorkoutRoute><FileReference path="/workout-routes/missing.gpx"/></WorkoutRoute>
             </Workout>
            </HealthData>
            """;

        using var archive = Zips.Open(Export(xml));

        Assert.Equal(
            ["apple_health_export/export.xml#workout-1", "apple_health_export/export.xml#workout-2", "apple_health_export/export.xml#workout-3"],
            archive.Entries.Select(e => e.Path));
        Assert.All(archive.Entries, e => Assert.False(e.HasFile));
        Assert.Equal(["traditionalstrengthtraining", "swimming", "cycling"], archive.Entries.Select(e => e.Sport));
        Assert.Equal(new DateTime(2023, 1, 2, 17, 0, 0, DateTimeKind.Utc), archive.Entries[0].StartTime);
        Assert.Equal(TimeSpan.FromMinutes(30), archive.Entries[0].Duration);
        Assert.Equal(1500, archive.Entries[1].Distance);
    }

    [Theory]
    [InlineData("<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">", "&b;")]
    [InlineData("<!ENTITY x SYSTEM \"file:///etc/passwd\">", "&x;")]
    public void Open_EntitiesInAppleDtd_AreNeverExpanded(string declarations, string reference)
    {
        var xml = $"<?xml version=\"1.0\"?><!DOCTYPE HealthData [{declarations}]><HealthData><Workout workoutActivityType=\"{reference}\"/></HealthData>";

        var error = Assert.Throws<ActivityFormatException>(() => Zips.Open(Export(xml)));

        Assert.Equal("archive-index-malformed", error.Code);
    }

    private static byte[] Export(string exportXml) => Zips.Build(
        ("apple_health_export/export.xml", Encoding.UTF8.GetBytes(exportXml)),
        ("apple_health_export/" + Route, Fixtures.Bytes(Folder + Route)));
}
