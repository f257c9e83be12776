namespace Forma.Formats.Fit;

/// <summary>
/// user_profile (3) and zones_target (7): the device's settings for its user. The first of each wins (a chained
/// settings file after the activity repeats them). Scales from the profile: weight /10 kg, height /100 m.
/// </summary>
internal sealed class FitAthleteCollector
{
    public const ushort UserProfile = 3;
    public const ushort ZonesTarget = 7;

    private static readonly Dictionary<int, string> Genders = FitWorkoutNames.Numbered("female", "male");

    private ActivityAthlete? _profile;
    private ActivityAthlete? _zones;

    public void AddProfile(in FitMessage m) => _profile ??= new ActivityAthlete(
        FitValues.Double(m.Get(4, 10)),
        FitEnumNames.Name(Genders, m.GetRaw(1)),
        FitValues.Int(m.GetRaw(2)),
        FitValues.Double(m.Get(3, 100)),
        FitValues.Int(m.GetRaw(8)),
        FitValues.Int(m.GetRaw(11)),
        null,
        null,
        null);

    public void AddZones(in FitMessage m) => _zones ??= new ActivityAthlete(
        null, null, null, null, null, null, FitValues.Int(m.GetRaw(3)), FitValues.Int(m.GetRaw(1)), FitValues.Int(m.GetRaw(2)));

    public ActivityAthlete? Build() => (_profile, _zones) switch
    {
        (null, null) => null,
        ({ } profile, null) => profile,
        (null, { } zones) => zones,
        ({ } profile, { } zones) => profile with
        {
            FunctionalThresholdPower = zones.FunctionalThresholdPower,
            MaxHeartRate = zones.MaxHeartRate,
            ThresholdHeartRate = zones.ThresholdHeartRate,
        },
    };
}
