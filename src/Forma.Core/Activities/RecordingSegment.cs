using Forma.Core.Tenancy;

namespace Forma.Core.Activities;

public enum SegmentKind
{
    Session,
    Lap,
}

/// <summary>
/// A session (one sport of a multisport workout) or a lap as the device wrote it into the recording's file,
/// stored at import so that showing or analysing an activity never decodes the original file again.
/// </summary>
public sealed class RecordingSegment : ITenantOwned
{
    public Guid TenantId { get; private set; }
    public Guid RecordingId { get; private set; }
    public SegmentKind Kind { get; private set; }

    /// <summary>0-based, in the file's order.</summary>
    public int Position { get; private set; }
    public DateTime? StartTime { get; private set; }

    /// <summary>Seconds, wall clock.</summary>
    public double? ElapsedTime { get; private set; }

    /// <summary>Seconds the timer ran (pauses excluded).</summary>
    public double? TimerTime { get; private set; }

    /// <summary>Metres.</summary>
    public double? Distance { get; private set; }
    public string? Sport { get; private set; }
    public string? SubSport { get; private set; }

    /// <summary>Metres per second.</summary>
    public double? AverageSpeed { get; private set; }
    public double? MaxSpeed { get; private set; }
    public double? AverageHeartRate { get; private set; }
    public double? MaxHeartRate { get; private set; }
    public double? AverageCadence { get; private set; }
    public double? AveragePower { get; private set; }
    public double? MaxPower { get; private set; }

    /// <summary>Metres.</summary>
    public double? TotalAscent { get; private set; }
    public double? TotalDescent { get; private set; }

    /// <summary>Kilocalories.</summary>
    public double? Calories { get; private set; }

    private RecordingSegment()
    {
    }

    public static RecordingSegment Create(Recording recording, SegmentKind kind, int position, SegmentFacts facts)
    {
        ArgumentNullException.ThrowIfNull(recording);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        return new RecordingSegment
        {
            TenantId = recording.TenantId,
            RecordingId = recording.Id,
            Kind = kind,
            Position = position,
            StartTime = facts.StartTime,
            ElapsedTime = facts.ElapsedTime,
            TimerTime = facts.TimerTime,
            Distance = facts.Distance,
            Sport = Clip(facts.Sport),
            SubSport = Clip(facts.SubSport),
            AverageSpeed = facts.AverageSpeed,
            MaxSpeed = facts.MaxSpeed,
            AverageHeartRate = facts.AverageHeartRate,
            MaxHeartRate = facts.MaxHeartRate,
            AverageCadence = facts.AverageCadence,
            AveragePower = facts.AveragePower,
            MaxPower = facts.MaxPower,
            TotalAscent = facts.TotalAscent,
            TotalDescent = facts.TotalDescent,
            Calories = facts.Calories,
        };
    }

    public SegmentFacts Facts() => new(StartTime, ElapsedTime, TimerTime, Distance, Sport, SubSport, AverageSpeed, MaxSpeed,
        AverageHeartRate, MaxHeartRate, AverageCadence, AveragePower, MaxPower, TotalAscent, TotalDescent, Calories);

    private static string? Clip(string? value) => value is null ? null : value[..Math.Min(value.Length, Recording.TextMaxLength)];
}

/// <summary>What a device says about one session or lap; every value is optional because files leave them out.</summary>
public sealed record SegmentFacts(
    DateTime? StartTime,
    double? ElapsedTime,
    double? TimerTime,
    double? Distance,
    string? Sport,
    string? SubSport,
    double? AverageSpeed,
    double? MaxSpeed,
    double? AverageHeartRate,
    double? MaxHeartRate,
    double? AverageCadence,
    double? AveragePower,
    double? MaxPower,
    double? TotalAscent,
    double? TotalDescent,
    double? Calories);
