namespace Forma.Formats;

/// <summary>
/// One device the recording lists (FIT device_info): the recorder itself at index 0, then its sensors — a chest
/// strap, a power meter, the watch's optical heart rate or barometer. Names are the FIT profile's:
/// <see cref="DeviceType"/> is an <c>antplus_device_type</c> (<c>heart_rate</c>, <c>bike_power</c>, …),
/// <c>ble_device_type</c> or <c>local_device_type</c> (<c>gps</c>, <c>whr</c>, …) name according to
/// <see cref="SourceType"/> (<c>antplus</c>, <c>bluetooth_low_energy</c>, <c>local</c>, …); a number the profile
/// does not name comes through as its digits.
/// </summary>
public sealed record SensorDevice(int? DeviceIndex, string? DeviceType, string? SourceType, string? Manufacturer, string? Product, uint? SerialNumber);
