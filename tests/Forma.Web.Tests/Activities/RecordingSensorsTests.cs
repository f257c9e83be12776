using Forma.Core.Activities;
using Forma.Formats;
using Forma.Web.Features.Activities;

namespace Forma.Web.Tests.Activities;

public class RecordingSensorsTests
{
    private static SensorDevice Device(string type, string? source) => new(1, type, source, null, null, null);

    [Fact]
    public void AnExternalHeartRateSensor_IsAChestStrap_AndWinsOverTheWatchsOpticalSensor()
    {
        Assert.Equal(Sensors.ChestStrap, RecordingSensors.HeartRate([Device("heart_rate", "antplus")]));
        Assert.Equal(Sensors.ChestStrap, RecordingSensors.HeartRate([Device("heart_rate", "bluetooth_low_energy"), Device("whr", "local")]));
        Assert.Equal(Sensors.ChestStrap, RecordingSensors.HeartRate([Device("heart_rate", null)])); // pre-source_type files are ANT+
        Assert.Equal(Sensors.Optical, RecordingSensors.HeartRate([Device("whr", "local"), Device("barometer", "local")]));
        Assert.Null(RecordingSensors.HeartRate([Device("gps", "local")]));
    }

    [Fact]
    public void ABikePowerSensor_IsAPowerMeter_ATrainerOnlyWhenThereIsNone()
    {
        Assert.Equal(Sensors.PowerMeter, RecordingSensors.Power([Device("fitness_equipment", "antplus"), Device("bike_power", "antplus")]));
        Assert.Equal(Sensors.Trainer, RecordingSensors.Power([Device("fitness_equipment", "ant")]));
        Assert.Null(RecordingSensors.Power([]));
    }
}
