using Forma.Core.Tenancy;

namespace Forma.Core.Activities;

/// <summary>
/// One device's recording of a workout: the decoded file. An <see cref="Activity"/> holds one recording, or
/// several when two devices recorded the same workout (merged later). Unique per athlete and original
/// bytes, so the same file uploaded twice is recognised.
/// </summary>
public sealed class Recording : ITenantOwned
{
    public const int TextMaxLength = 100;

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid AthleteId { get; private set; }
    public Guid ActivityId { get; private set; }

    /// <summary>Hex SHA-256 of the original file as uploaded; the original stays in blob storage untouched.</summary>
    public string Sha256 { get; private set; } = "";
    public string FileName { get; private set; } = "";

    /// <summary><c>fit</c>, <c>gpx</c> or <c>tcx</c>.</summary>
    public string Format { get; private set; } = "";
    public string Sport { get; private set; } = "";
    public string? SubSport { get; private set; }
    public DateTime StartTime { get; private set; }

    /// <summary>Seconds from the first to the last sample.</summary>
    public double Duration { get; private set; }

    /// <summary>Metres; null when the recording has no distance (an indoor HR-only session).</summary>
    public double? Distance { get; private set; }
    public string? DeviceManufacturer { get; private set; }
    public string? DeviceProduct { get; private set; }
    public long? DeviceSerial { get; private set; }
    public int SampleCount { get; private set; }

    /// <summary>What measured heart rate: <see cref="Sensors.ChestStrap"/> or <see cref="Sensors.Optical"/>; null when the file does not say.</summary>
    public string? HeartRateSensor { get; private set; }

    /// <summary>What measured power: <see cref="Sensors.PowerMeter"/> or <see cref="Sensors.Trainer"/>; null when the file does not say.</summary>
    public string? PowerSensor { get; private set; }

    /// <summary>Hex SHA-256 of the encoded sample streams in blob storage.</summary>
    public string StreamsSha256 { get; private set; } = "";

    /// <summary>Whether the file's sessions and laps are stored as <see cref="RecordingSegment"/> rows; false for recordings imported before they were, until first read.</summary>
    public bool SegmentsStored { get; private set; }
    public DateTime CreatedAt { get; private set; }

    private Recording()
    {
    }

    public static Recording Create(Activity activity, RecordingFacts facts, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(facts);
        return new Recording
        {
            TenantId = activity.TenantId,
            Id = Guid.CreateVersion7(now),
            AthleteId = activity.AthleteId,
            ActivityId = activity.Id,
            Sha256 = facts.Sha256,
            FileName = Clip(facts.FileName, ImportFile.FileNameMaxLength)!,
            Format = facts.Format,
            Sport = Clip(facts.Sport, TextMaxLength)!,
            SubSport = Clip(facts.SubSport, TextMaxLength),
            StartTime = facts.StartTime,
            Duration = facts.Duration,
            Distance = facts.Distance,
            DeviceManufacturer = Clip(facts.DeviceManufacturer, TextMaxLength),
            DeviceProduct = Clip(facts.DeviceProduct, TextMaxLength),
            DeviceSerial = facts.DeviceSerial,
            SampleCount = facts.SampleCount,
            HeartRateSensor = facts.HeartRateSensor,
            PowerSensor = facts.PowerSensor,
            StreamsSha256 = facts.StreamsSha256,
            CreatedAt = now,
        };
    }

    /// <summary>This recording's own facts, to start an activity of its own when it is split off a merge.</summary>
    public RecordingFacts Facts() =>
        new(Sha256, FileName, Format, Sport, SubSport, StartTime, Duration, Distance, DeviceManufacturer, DeviceProduct, DeviceSerial, SampleCount, StreamsSha256, HeartRateSensor, PowerSensor);

    public DateTime EndTime => StartTime.AddSeconds(Duration);

    public void MarkSegmentsStored() => SegmentsStored = true;

    /// <summary>Moves the recording to another activity of the same athlete (a split).</summary>
    public void MoveTo(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (activity.TenantId != TenantId || activity.AthleteId != AthleteId)
        {
            throw new DomainException("recording-wrong-athlete", "A recording moves only between activities of its athlete.");
        }

        ActivityId = activity.Id;
    }

    private static string? Clip(string? value, int length) => value is null ? null : value[..Math.Min(value.Length, length)];
}

/// <summary>What decoding a file established about a recording, handed to <see cref="Recording.Create"/>.</summary>
public sealed record RecordingFacts(
    string Sha256,
    string FileName,
    string Format,
    string Sport,
    string? SubSport,
    DateTime StartTime,
    double Duration,
    double? Distance,
    string? DeviceManufacturer,
    string? DeviceProduct,
    long? DeviceSerial,
    int SampleCount,
    string StreamsSha256,
    string? HeartRateSensor = null,
    string? PowerSensor = null);

/// <summary>Names for the sensor behind a stream, as stored on a recording; the better one wins when recordings are fused.</summary>
public static class Sensors
{
    public const string ChestStrap = "chest-strap";
    public const string Optical = "optical";
    public const string PowerMeter = "power-meter";
    public const string Trainer = "trainer";
    public const int MaxLength = 20;
}
