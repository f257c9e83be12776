using Forma.Formats.Fit;

namespace Forma.Formats.Tests.Fit;

/// <summary>Every shared FIT fixture, and the facts SOURCES.md records about them.</summary>
public class FitDecoderFixtureTests
{
    public static TheoryData<string> ValidFiles() =>
        [.. Directory.GetFiles(Fixtures.Path("fit"), "*.fit", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Fixtures.Root, p).Replace('\\', '/'))
            .Where(p => !p.StartsWith("fit/invalid/", StringComparison.Ordinal) && p != "fit/nick.fit")
            .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(ValidFiles))]
    public void EveryFixture_Decodes_WithAlignedStreams(string relative)
    {
        var activity = FitTestData.Decode(relative);

        Assert.Equal(ActivityFormat.Fit, activity.Metadata.Format);
        Assert.Empty(activity.Warnings);
        Assert.All(activity.Streams.All.Values, s => Assert.Equal(activity.Streams.Count, s.Length));
        if (activity.Streams.Count > 0 && activity.Streams[StreamNames.Time] is { } time)
        {
            Assert.True(time.Where(t => !double.IsNaN(t)).All(t => t >= 0), "no sample before the start time");
        }
    }

    [Theory]
    [InlineData("fit/invalid/activity-filecrc.fit", "fit-crc-mismatch")]
    [InlineData("fit/invalid/activity-unexpected-eof.fit", "fit-truncated")]
    [InlineData("fit/invalid/activity-settings-corruptheader.fit", "fit-header-invalid")]
    [InlineData("fit/nick.fit", "fit-crc-mismatch")]
    public void InvalidFixture_FailsWithTypedError(string relative, string code)
    {
        var error = Assert.Throws<ActivityFormatException>(() => FitTestData.Decode(relative));

        Assert.Equal(code, error.Code);
    }

    [Theory]
    [InlineData("fit/invalid/activity-filecrc.fit", 14)]
    [InlineData("fit/invalid/activity-unexpected-eof.fit", 14)]
    [InlineData("fit/invalid/activity-settings-corruptheader.fit", 14)]
    [InlineData("fit/nick.fit", 14391)]
    public void SalvageMode_ReadsPastTheProblem_AndWarns(string relative, int records)
    {
        var activity = FitTestData.Decode(relative, new FitDecodeOptions { IgnoreCrc = true });

        Assert.Equal(records, activity.Streams.Count);
        Assert.NotEmpty(activity.Warnings);
    }

    [Fact]
    public void ChainedFiles_AreAllRead()
    {
        var activity = FitTestData.Decode("fit/sample_mulitple_header.fit");

        Assert.Equal(1773, activity.Streams.Count);
        Assert.Equal(["swimming", "transition", "cycling", "transition", "running"], activity.Sessions.Select(s => s.Sport));
        Assert.Equal("open_water", activity.Metadata.SubSport);
        Assert.Equal(new DateTime(2018, 5, 27, 7, 33, 1, DateTimeKind.Utc), activity.Metadata.StartTime);
        Assert.Equal(new DateTime(2018, 5, 27, 10, 11, 12, DateTimeKind.Utc), activity.Metadata.StartTime!.Value.AddSeconds(activity.Streams[StreamNames.Time]![^1]));
    }

    [Fact]
    public void ChainedActivityAndSettings_Decodes()
    {
        var activity = FitTestData.Decode("fit/activity-settings.fit");

        Assert.Equal(14, activity.Streams.Count);
        Assert.Equal("running", activity.Metadata.Sport);
    }

    [Theory]
    [InlineData("fit/developer-types-sample.fit", "Form Power", "Watts")]
    [InlineData("fit/developer-types-sample.fit", "Leg Spring Stiffness", "KN/m")]
    [InlineData("fit/20170518-191602-1740899583.fit", "Stroke Rate", "spm")]
    [InlineData("fit/gpl-2.0/Karoo-Botley_BW_Swanmore_Wickham-2025-05-09-1238.fit", "skin_temperature", "C")]
    public void DeveloperFields_BecomeNamedStreams(string relative, string stream, string units)
    {
        var decoded = FitDecoder.DecodeWithUnits(Fixtures.Bytes(relative));

        var values = decoded.Activity.Streams[stream];
        Assert.NotNull(values);
        Assert.Contains(values, v => !double.IsNaN(v) && v != 0);
        Assert.Equal(units, decoded.Units[stream]);
    }

    [Fact]
    public void DeveloperFieldsOutsideRecords_AreSkippedWithTheirBytes()
    {
        // The ELEMNT puts its developer fields (battery charge, calibration) on device_info messages.
        var activity = FitTestData.Decode("fit/2019-02-17-062644-ELEMNT-297E-195-0.fit");

        Assert.Equal(13471, activity.Streams.Count);
        Assert.Equal(("wahoo_fitness", "ELEMNT"), (activity.Metadata.Device?.Manufacturer, activity.Metadata.Device?.Product));
        Assert.Equal(78940.55, activity.Sessions.Single().Distance);
    }

    [Theory]
    [InlineData("fit/garmin-edge-500-activity.fit", "cycling", null, "garmin", "edge500", 10686, 9, 1)]
    [InlineData("fit/garmin-edge-820-bike.fit", "cycling", "commuting", "garmin", "edge_820", 15, 1, 1)]
    [InlineData("fit/garmin-fenix-5-walk.fit", "walking", "generic", "garmin", "fenix5", 17, 1, 1)]
    [InlineData("fit/20170518-191602-1740899583.fit", "fitness_equipment", "indoor_rowing", "garmin", "vivo_active_hr", 1641, 8, 1)]
    [InlineData("fit/null_compressed_speed_dist.fit", "cycling", "virtual_activity", "zwift", "0", 1808, 1, 1)]
    [InlineData("fit/developer-types-sample.fit", "running", "generic", "stryd", null, 3424, 1, 1)]
    [InlineData("fit/gpl-2.0/2024-10-20-104352-Pool Swim-BingiWatch.fit", "swimming", "lap_swimming", "development", "Watch6,18", 3137, 22, 1)]
    [InlineData("fit/gpl-2.0/Karoo-Botley_BW_Swanmore_Wickham-2025-05-09-1238.fit", "cycling", "generic", "hammerhead", "Karoo 2", 4314, 1, 1)]
    [InlineData("fit/gpl-2.0/Move_2020_01_15_19_27_16_Running.fit", "running", null, "suunto", "34", 1473, 3, 1)]
    [InlineData("fit/activity-large-fenxi2-multisport.fit", "generic", null, "garmin", "fenix2", 24239, 7, 7)]
    [InlineData("fit/coros-pace-2-cycling-misaligned-fields.fit", "cycling", null, "coros", "COROS PACE 2", 11272, 4, 1)]
    public void Metadata_MatchesInventory(string relative, string sport, string? subSport, string manufacturer, string? product, int records, int laps, int sessions)
    {
        var activity = FitTestData.Decode(relative);

        Assert.Equal(sport, activity.Metadata.Sport);
        Assert.Equal(subSport, activity.Metadata.SubSport);
        Assert.Equal(manufacturer, activity.Metadata.Device?.Manufacturer);
        Assert.Equal(product, activity.Metadata.Device?.Product);
        Assert.Equal(records, activity.Streams.Count);
        Assert.Equal(laps, activity.Laps.Count);
        Assert.Equal(sessions, activity.Sessions.Count);
    }

    [Fact]
    public void LocalOffset_IsLocalTimestampMinusTimestamp()
    {
        Assert.Equal(TimeSpan.FromHours(-7), FitTestData.Decode("fit/garmin-fenix-5-run.fit").Metadata.LocalOffset);
        Assert.Null(FitTestData.Decode("fit/antfs-dump.63.fit").Metadata.LocalOffset); // relative timestamp: no offset to take
    }

    [Fact]
    public void AntfsDump_CompressedTimestamps_RollOverEvery32Seconds()
    {
        var activity = FitTestData.Decode("fit/antfs-dump.63.fit");
        var time = activity.Streams[StreamNames.Time]!;

        Assert.Null(activity.Metadata.StartTime);
        Assert.Equal(686, time.Length);
        Assert.Equal(16444667 - 16441242, time[^1]);
        Assert.True(time.Zip(time.Skip(1)).All(p => p.Second > p.First), "times keep increasing across rollovers");
    }

    [Fact]
    public void NonActivityFiles_HaveNoStreams()
    {
        foreach (var name in new[] { "MonitoringFile", "Settings", "WeightScaleSingleUser", "WorkoutRepeatSteps" })
        {
            var activity = FitTestData.Decode($"fit/non-activity/{name}.fit");
            Assert.Equal(0, activity.Streams.Count);
            Assert.Empty(activity.Sessions);
        }
    }

    [Fact]
    public void DecodeFromStream_EqualsDecodeFromSpan()
    {
        using var stream = File.OpenRead(Fixtures.Path("fit/garmin-fenix-5-run.fit"));

        var fromStream = FitDecoder.Decode(stream);

        Assert.Equal(FitTestData.Decode("fit/garmin-fenix-5-run.fit").Streams.All[StreamNames.HeartRate], fromStream.Streams.All[StreamNames.HeartRate]);
    }

    [Fact]
    public void DecodeFromStream_OverTheLimit_IsTooLarge()
    {
        using var stream = File.OpenRead(Fixtures.Path("fit/garmin-fenix-5-run.fit"));

        var error = Assert.Throws<ActivityFormatException>(() => FitDecoder.Decode(stream, new FitDecodeOptions { MaxBytes = 1000 }));

        Assert.Equal("fit-too-large", error.Code);
    }
}
