namespace Forma.Formats;

/// <summary>
/// One recording decoded from any format: what it is, its sessions and laps, and its samples as columns.
/// A multisport FIT file has several sessions; GPX has none (the summary is computed later by analytics).
/// </summary>
public sealed record ActivityFile(
    ActivityMetadata Metadata,
    IReadOnlyList<ActivitySegment> Sessions,
    IReadOnlyList<ActivitySegment> Laps,
    SampleStreams Streams)
{
    /// <summary>Problems that did not stop decoding (a bad CRC read in salvage mode, an unknown unit), for the import report.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Every device the file lists (FIT device_info), one per device index, in the order first listed; the last message for an index wins.</summary>
    public IReadOnlyList<SensorDevice> Devices { get; init; } = [];

    /// <summary>What the recorder noted as it went (FIT event): timer starts and stops, laps, gear changes, battery.</summary>
    public IReadOnlyList<ActivityEvent> Events { get; init; } = [];

    /// <summary>Pool lengths, swum and rested (FIT length), in file order.</summary>
    public IReadOnlyList<SwimLength> Lengths { get; init; } = [];

    /// <summary>Beat-to-beat (RR) intervals in seconds, in file order (FIT hrv), for heart-rate-variability analysis.</summary>
    public double[] HeartRateIntervals { get; init; } = [];

    /// <summary>The structured workout the recording followed, when the file carries one.</summary>
    public ActivityWorkout? Workout { get; init; }

    /// <summary>The device's user profile and training zones at the time of recording, when the file carries them.</summary>
    public ActivityAthlete? Athlete { get; init; }
}

public enum ActivityFormat
{
    Fit,
    Gpx,
    Tcx,
}

/// <summary>What the recording is and what recorded it.</summary>
public sealed record ActivityMetadata
{
    public required ActivityFormat Format { get; init; }

    /// <summary>Lower-case sport name (the FIT profile's names: <c>running</c>, <c>cycling</c>, <c>swimming</c>, …); <c>generic</c> when unknown.</summary>
    public string Sport { get; init; } = "generic";
    public string? SubSport { get; init; }

    /// <summary>When the recording started, UTC; the first sample's time when the file names none.</summary>
    public DateTime? StartTime { get; init; }

    /// <summary>Local time minus UTC at the start, when the file says (FIT activity.local_timestamp).</summary>
    public TimeSpan? LocalOffset { get; init; }
    public string? Name { get; init; }
    public DeviceInfo? Device { get; init; }
}

/// <summary>The recording device: manufacturer and product as the file names them (FIT enum names, or a GPX creator string).</summary>
public sealed record DeviceInfo(string? Manufacturer, string? Product, uint? SerialNumber, string? SoftwareVersion);

/// <summary>A session or a lap as the device summarised it. Units: seconds, metres, m/s, bpm, rpm, watts, kcal.</summary>
public sealed record ActivitySegment
{
    public DateTime? StartTime { get; init; }
    public double? ElapsedTime { get; init; }
    public double? TimerTime { get; init; }
    public double? Distance { get; init; }
    public string? Sport { get; init; }
    public string? SubSport { get; init; }
    public double? AverageSpeed { get; init; }
    public double? MaxSpeed { get; init; }
    public double? AverageHeartRate { get; init; }
    public double? MaxHeartRate { get; init; }
    public double? AverageCadence { get; init; }
    public double? AveragePower { get; init; }
    public double? MaxPower { get; init; }
    public double? TotalAscent { get; init; }
    public double? TotalDescent { get; init; }
    public double? Calories { get; init; }
}
