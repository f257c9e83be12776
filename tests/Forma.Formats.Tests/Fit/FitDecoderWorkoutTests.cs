using System.Text;
using Forma.Formats.Fit;
using static Forma.Formats.Tests.Fit.FitFileWriter;

namespace Forma.Formats.Tests.Fit;

/// <summary>workout, workout_step, user_profile and zones_target as <see cref="ActivityFile.Workout"/> and <see cref="ActivityFile.Athlete"/>.</summary>
public class FitDecoderWorkoutTests
{
    private const byte Enum = 0x00;
    private const byte Uint8z = 0x0A;

    [Fact]
    public void Workout_WithSteps_RawValuesAndProfileNames()
    {
        var file = new FitFileWriter()
            .Define(0, 26, false, (4, 1, Enum), (6, 2, Uint16), (8, 16, Text))
            .Data(0, [1, .. U16(4), .. Text16("800m Repeats")])
            .Define(1, 27, false, (254, 2, Uint16), (0, 16, Text), (1, 1, Enum), (2, 4, Uint32), (3, 1, Enum), (4, 4, Uint32), (5, 4, Uint32), (6, 4, Uint32), (7, 1, Enum))
            .Data(1, [.. U16(0), .. Text16("Warm up"), 0, .. U32(600_000), 1, .. U32(0), .. U32(220), .. U32(250), 2])
            .Data(1, [.. U16(1), .. Text16("Hard"), 1, .. U32(80_000), 4, .. U32(0), .. U32(1250), .. U32(1300), 0])
            .Data(1, [.. U16(2), .. Text16(""), 6, .. U32(1), 0xFF, .. U32(5), .. U32(uint.MaxValue), .. U32(uint.MaxValue), 0xFF])
            .Data(1, [.. U16(3), .. Text16("Cool down"), 5, .. U32(uint.MaxValue), 2, .. U32(uint.MaxValue), .. U32(uint.MaxValue), .. U32(uint.MaxValue), 3])
            .Build();

        var workout = FitDecoder.Decode(file).Workout!;

        Assert.Equal(("800m Repeats", "running", 4), (workout.Name, workout.Sport, workout.NumValidSteps));
        Assert.Equal(
            [
                new ActivityWorkoutStep(0, "Warm up", "time", 600_000, "heart_rate", 0, 220, 250, "warmup"),
                new ActivityWorkoutStep(1, "Hard", "distance", 80_000, "power", 0, 1250, 1300, "active"),
                new ActivityWorkoutStep(2, null, "repeat_until_steps_cmplt", 1, null, 5, null, null, null),
                new ActivityWorkoutStep(3, "Cool down", "open", null, "open", null, null, null, "cooldown"),
            ],
            workout.Steps);
    }

    [Fact]
    public void WorkoutFile_BigEndian_StepsAsTheBytesSay()
    {
        // WorkoutRepeatSteps.fit (193 bytes, big-endian definitions), read off a hex dump of its data messages:
        // workout "Example 2" declaring 4 valid steps while carrying 5 step messages (the repeat included).
        var workout = FitTestData.Decode("fit/non-activity/WorkoutRepeatSteps.fit").Workout!;

        Assert.Equal(("Example 2", null, 4), (workout.Name, workout.Sport, workout.NumValidSteps));
        Assert.Equal(
            [
                new ActivityWorkoutStep(0, "_A_", "time", 0xEA60, "heart_rate", 2, null, null, "warmup"),
                new ActivityWorkoutStep(1, "B1_", "distance", 0xC350, "power", 5, null, null, "active"),
                new ActivityWorkoutStep(2, "B2_", "distance", 0xC350, "power", 3, null, null, "active"),
                new ActivityWorkoutStep(3, "Rep", "repeat_until_steps_cmplt", 1, "open", 3, null, null, "active"),
                new ActivityWorkoutStep(4, "_C_", "hr_less_than", 0xE1, "power", 1, null, null, "cooldown"),
            ],
            workout.Steps);
    }

    [Fact]
    public void NoWorkoutMessages_NoWorkout()
    {
        Assert.Null(FitTestData.Decode("fit/garmin-fit-sdk-license/activity_poolswim.fit").Workout);
    }

    [Fact]
    public void UserProfileAndZones_BecomeAthlete_ScaledPerProfile_FirstOfEachWins()
    {
        var file = new FitFileWriter()
            .Define(0, 3, false, (1, 1, Enum), (2, 1, Uint8), (3, 1, Uint8), (4, 2, Uint16), (8, 1, Uint8), (11, 1, Uint8))
            .Data(0, [1, 34, 181, .. U16(725), 48, 188])
            .Data(0, [0, 20, 160, .. U16(500), 60, 200])
            .Define(1, 7, false, (1, 1, Uint8), (2, 1, Uint8), (3, 2, Uint16))
            .Data(1, [190, 172, .. U16(285)])
            .Build();

        var athlete = FitDecoder.Decode(file).Athlete;

        // weight 725 / 10 kg, height 181 / 100 m.
        Assert.Equal(new ActivityAthlete(72.5, "male", 34, 1.81, 48, 188, 285, 190, 172), athlete);
    }

    [Fact]
    public void ZonesWithoutProfile_AndInvalidValues_AreNull()
    {
        var file = new FitFileWriter()
            .Define(0, 7, false, (1, 1, Uint8), (2, 1, Uint8z), (3, 2, Uint16))
            .Data(0, [0xFF, 0, .. U16(250)])
            .Build();

        Assert.Equal(new ActivityAthlete(null, null, null, null, null, null, 250, null, null), FitDecoder.Decode(file).Athlete);
    }

    private static byte[] Text16(string text)
    {
        var bytes = new byte[16];
        Encoding.UTF8.GetBytes(text).CopyTo(bytes, 0);
        return bytes;
    }
}
