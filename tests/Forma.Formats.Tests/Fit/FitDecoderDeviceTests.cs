using Forma.Formats.Fit;
using static Forma.Formats.Tests.Fit.FitFileWriter;

namespace Forma.Formats.Tests.Fit;

/// <summary>device_info messages as <see cref="ActivityFile.Devices"/>, against tormoder/fit golden dumps and FitCSVTool dumps.</summary>
public class FitDecoderDeviceTests
{
    [Theory]
    [InlineData("fit/Edge810-Vector-2013-08-16-15-35-10.fit")]
    [InlineData("fit/sample-activity-indoor-trainer.fit")]
    [InlineData("fit/2013-02-06-12-11-14.fit")]
    [InlineData("fit/2015-10-13-08-43-15.fit")]
    [InlineData("fit/antfs-dump.63.fit")]
    public void Devices_OnePerIndex_MatchGoldenDump(string name)
    {
        var devices = FitTestData.Decode(name).Devices;
        var golden = GoDumpRecords.Read(Fixtures.Path(name + ".golden.gz")).DeviceInfos;

        // The dump lists every message; the last one for an index wins, in the order indexes first appear.
        var expected = golden.GroupBy(g => g["DeviceIndex"]).Select(group => group.Last()).ToList();
        Assert.Equal(expected.Select(g => (int?)g["DeviceIndex"]), devices.Select(d => d.DeviceIndex));
        Assert.Equal(expected.Select(g => g["SerialNumber"] == 0 ? null : (uint?)g["SerialNumber"]), devices.Select(d => d.SerialNumber));
        Assert.Equal(expected.Select(g => g["Manufacturer"] == 0xFFFF), devices.Select(d => d.Manufacturer is null));
        Assert.All(devices, d => Assert.Null(d.SourceType)); // none of these older files says
    }

    [Fact]
    public void Edge810Vector_ListsHeartRateStrapPowerMeterAndSpeedSensor()
    {
        // From the golden dump: device_type 0x78, 0x0b, 0x7b with these serial numbers, no source_type (ANT+ era).
        var devices = FitTestData.Decode("fit/Edge810-Vector-2013-08-16-15-35-10.fit").Devices;

        Assert.Equal(
            [
                new SensorDevice(0, "antfs", null, "garmin", "edge810", 0xe67593d1),
                new SensorDevice(1, "environment_sensor_legacy", null, null, null, null),
                new SensorDevice(2, "environment_sensor_legacy", null, "garmin", "0", null),
                new SensorDevice(3, "heart_rate", null, null, null, 0x1786c53),
                new SensorDevice(4, "bike_power", null, null, null, 0x50b26bb),
                new SensorDevice(5, "bike_speed", null, null, null, 0x17b72d4),
            ],
            devices);
    }

    [Fact]
    public void Multisport_LocalSensors_NamedByLocalDeviceType_LastMessageWins()
    {
        // FitCSVTool dump: three rounds of device_info with source_type 5 (local); indexes 2-5 change what they
        // name between rounds, and the third round is what the file ends with.
        var devices = FitTestData.Decode("fit/garmin-fit-sdk-license/activity_multisport.fit").Devices;

        Assert.Equal(
            [
                new SensorDevice(0, null, "local", "garmin", "fr945", 3306099159),
                new SensorDevice(1, "barometer", "local", "garmin", "fr945", null),
                new SensorDevice(2, "accelerometer", "local", "64800", "13316", null),
                new SensorDevice(3, "8", "local", "0", "0", null),
                new SensorDevice(4, "whr", "local", null, null, null),
                new SensorDevice(5, "sensor_hub", "local", "garmin", "3114", null),
            ],
            devices);
    }

    [Fact]
    public void PoolSwim_CreatorProductName_ComesFromTheStringField()
    {
        var device = Assert.Single(FitTestData.Decode("fit/garmin-fit-sdk-license/activity_poolswim.fit").Devices);

        Assert.Equal(new SensorDevice(0, null, null, "development", "FIT Cookbook", 80945206), device);
    }

    [Fact]
    public void DeviceType_FollowsSourceType_AndUnnamedNumbersStayDigits()
    {
        // Profile: ble_device_type 1 = heart_rate, antplus_device_type 120 = heart_rate, 17 = fitness_equipment;
        // 200 is in no enum; classic Bluetooth (2) has no device type enum.
        var file = new FitFileWriter()
            .Define(0, 23, false, (0, 1, Uint8), (1, 1, Uint8), (25, 1, Uint8))
            .Data(0, 1, 1, 3)
            .Data(0, 2, 120, 1)
            .Data(0, 3, 17, 0)
            .Data(0, 4, 200, 1)
            .Data(0, 5, 5, 2)
            .Data(0, 6, 1, 5)
            .Build();

        var devices = FitDecoder.Decode(file).Devices;

        Assert.Equal(
            [("heart_rate", "bluetooth_low_energy"), ("heart_rate", "antplus"), ("fitness_equipment", "ant"), ("200", "antplus"), ("5", "bluetooth"), ("glonass", "local")],
            devices.Select(d => (d.DeviceType, d.SourceType)));
    }
}
