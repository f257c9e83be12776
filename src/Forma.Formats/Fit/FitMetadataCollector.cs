using System.Globalization;

namespace Forma.Formats.Fit;

/// <summary>
/// Keeps what file_id (0), file_creator (49), device_info (23), activity (34) and sport (12) say about the
/// recording, and turns it into <see cref="ActivityMetadata"/> once the sessions are known.
/// </summary>
internal sealed class FitMetadataCollector
{
    public const ushort FileId = 0;
    public const ushort Sport = 12;
    public const ushort DeviceInfo = 23;
    public const ushort Activity = 34;
    public const ushort FileCreator = 49;

    private double _manufacturer = double.NaN;
    private double _product = double.NaN;
    private double _serial = double.NaN;
    private string? _productName;
    private bool _haveFileId;
    private double _creatorSoftware = double.NaN;
    private double _deviceSoftware = double.NaN;
    private string? _deviceProductName;
    private double _activityTimestamp = double.NaN;
    private double _localTimestamp = double.NaN;
    private string? _sport;
    private string? _subSport;
    private string? _name;

    public void Add(in FitMessage m)
    {
        switch (m.GlobalNumber)
        {
            case FileId when !_haveFileId: // a chained file's own file_id does not rename the recording
                _haveFileId = true;
                _manufacturer = m.GetRaw(1);
                _product = m.GetRaw(2);
                _serial = m.GetRaw(3);
                _productName = m.GetString(8);
                break;
            case FileCreator:
                _creatorSoftware = m.GetRaw(0);
                break;
            case DeviceInfo when m.GetRaw(0) == 0 && double.IsNaN(_deviceSoftware): // device_index 0 is the creator
                _deviceSoftware = m.Get(5, 100);
                _deviceProductName = m.GetString(27);
                break;
            case Activity:
                _activityTimestamp = m.GetRaw(253);
                _localTimestamp = m.GetRaw(5);
                break;
            case Sport when _sport is null:
                _sport = FitSportNames.Sport(m.GetRaw(0));
                _subSport = FitSportNames.SubSport(m.GetRaw(1));
                _name = m.GetString(3);
                break;
            default:
                break;
        }
    }

    public ActivityMetadata Build(IReadOnlyList<ActivitySegment> sessions, DateTime? startTime)
    {
        var first = sessions.Count > 0 ? sessions[0] : null;
        var software = double.IsNaN(_deviceSoftware) ? _creatorSoftware / 100 : _deviceSoftware;
        return new ActivityMetadata
        {
            Format = ActivityFormat.Fit,
            Sport = first?.Sport ?? _sport ?? "generic",
            SubSport = first?.SubSport ?? _subSport,
            StartTime = startTime,
            LocalOffset = LocalOffset(),
            Name = _name,
            Device = _haveFileId
                ? new DeviceInfo(
                    FitManufacturerNames.Manufacturer(_manufacturer),
                    _productName ?? _deviceProductName ?? FitManufacturerNames.Product(_manufacturer, _product),
                    _serial is >= 0 and <= uint.MaxValue ? (uint)_serial : null,
                    double.IsNaN(software) ? null : software.ToString("0.00", CultureInfo.InvariantCulture))
                : null,
        };
    }

    /// <summary>
    /// activity.local_timestamp minus activity.timestamp. Both must be real times and the difference a real zone
    /// offset (within ±14 h); some writers fill local_timestamp with something else (Zwift, relative-time devices).
    /// </summary>
    private TimeSpan? LocalOffset()
    {
        var seconds = _localTimestamp - _activityTimestamp;
        return FitTime.IsAbsolute(_localTimestamp) && FitTime.IsAbsolute(_activityTimestamp) && Math.Abs(seconds) <= 14 * 3600
            ? TimeSpan.FromSeconds(seconds)
            : null;
    }
}
