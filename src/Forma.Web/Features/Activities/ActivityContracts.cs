using Forma.Core.Activities;
using Forma.Formats;

namespace Forma.Web.Features.Activities;

/// <summary>An activity in a list. <c>Duration</c> in seconds, <c>Distance</c> in metres.</summary>
public sealed record ActivitySummary(Guid Id, Guid AthleteId, string Sport, string? SubSport, DateTime StartTime, double Duration, double? Distance, string? Name)
{
    public static ActivitySummary From(Activity a) => new(a.Id, a.AthleteId, a.Sport, a.SubSport, a.StartTime, a.Duration, a.Distance, a.Name);
}

public sealed record ActivityPage(IReadOnlyList<ActivitySummary> Items, string? NextCursor);

public sealed record RecordingInfo(
    Guid Id, string Format, string FileName, string? DeviceManufacturer, string? DeviceProduct, long? DeviceSerial, int Samples, bool Primary,
    string? HeartRateSensor, string? PowerSensor)
{
    public static RecordingInfo From(Recording r, bool primary) =>
        new(r.Id, r.Format, r.FileName, r.DeviceManufacturer, r.DeviceProduct, r.DeviceSerial, r.SampleCount, primary, r.HeartRateSensor, r.PowerSensor);
}

/// <summary>One activity: its summary, the recordings behind it, and the sessions and laps the device wrote.</summary>
public sealed record ActivityDetail(
    ActivitySummary Summary,
    IReadOnlyList<RecordingInfo> Recordings,
    IReadOnlyList<ActivitySegment> Sessions,
    IReadOnlyList<ActivitySegment> Laps,
    IReadOnlyDictionary<string, Guid> StreamSources,
    DateTime? DeletedAt,
    Guid? MergedIntoId);

/// <summary>Which of the activity's recordings to show as its summary.</summary>
public sealed record PrimaryRecordingRequest([property: System.ComponentModel.DataAnnotations.Required] Guid? RecordingId);
