using Forma.Core.Activities;
using Forma.Formats;

namespace Forma.Web.Features.Activities;

/// <summary>
/// Which kind of sensor measured a recording's heart rate and power, from the devices the file lists (FIT
/// device_info; GPX and TCX do not say). An external heart-rate sensor (ANT+ or Bluetooth <c>heart_rate</c>)
/// is taken for a chest strap — armband optical sensors broadcast the same profile, but straps are what most
/// athletes pair — and the watch's own <c>whr</c> for optical. A <c>bike_power</c> sensor is a power meter;
/// <c>fitness_equipment</c> is a smart trainer reporting its own power.
/// </summary>
internal static class RecordingSensors
{
    public static string? HeartRate(IReadOnlyList<SensorDevice> devices)
    {
        if (devices.Any(d => d.DeviceType == "heart_rate" && d.SourceType != "local"))
        {
            return Sensors.ChestStrap;
        }

        return devices.Any(d => d.DeviceType == "whr" && d.SourceType == "local") ? Sensors.Optical : null;
    }

    public static string? Power(IReadOnlyList<SensorDevice> devices)
    {
        if (devices.Any(d => d.DeviceType == "bike_power" && d.SourceType != "local"))
        {
            return Sensors.PowerMeter;
        }

        return devices.Any(d => d.DeviceType == "fitness_equipment" && d.SourceType != "local") ? Sensors.Trainer : null;
    }
}
