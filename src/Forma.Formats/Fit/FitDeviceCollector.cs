namespace Forma.Formats.Fit;

/// <summary>
/// Every device_info (23) message, one device per device_index. Devices write device_info again at each
/// session or timer stop (an FR945 multisport file three times), and what an index names can change between
/// writes as sensors come and go, so the last message for an index wins; the order is that of first mention.
/// device_index is a uint8, so there are at most 257 devices (with "no index") however long the file.
/// </summary>
internal sealed class FitDeviceCollector
{
    public const ushort DeviceInfo = 23;

    private readonly Dictionary<int, int> _byIndex = [];
    private readonly List<SensorDevice> _devices = [];

    public void Add(in FitMessage m)
    {
        var index = m.GetRaw(0) is var raw && raw is >= 0 and <= byte.MaxValue ? (int?)raw : null;
        var source = m.GetRaw(25);
        var manufacturer = m.GetRaw(2);
        var serial = m.GetRaw(3);
        var device = new SensorDevice(
            index,
            FitDeviceTypeNames.DeviceType(source, m.GetRaw(1)),
            FitDeviceTypeNames.SourceType(source),
            FitManufacturerNames.Manufacturer(manufacturer),
            m.GetString(27) ?? FitManufacturerNames.Product(manufacturer, m.GetRaw(4)),
            serial is >= 1 and <= uint.MaxValue ? (uint)serial : null);
        var key = index ?? -1;
        if (_byIndex.TryGetValue(key, out var at))
        {
            _devices[at] = device;
        }
        else
        {
            _byIndex[key] = _devices.Count;
            _devices.Add(device);
        }
    }

    public IReadOnlyList<SensorDevice> Build() => _devices.Count == 0 ? [] : [.. _devices];
}
