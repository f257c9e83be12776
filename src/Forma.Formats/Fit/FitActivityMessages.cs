namespace Forma.Formats.Fit;

/// <summary>
/// The activity's messages beyond records, sessions and laps: device_info, event, length, hrv, workout,
/// workout_step, user_profile and zones_target, gathered as they come and added to the decoded file at the end.
/// </summary>
internal sealed class FitActivityMessages(int inputLength)
{
    private readonly FitListBudget _budget = new(inputLength);
    private readonly FitDeviceCollector _devices = new();
    private readonly List<ActivityEvent> _events = [];
    private readonly List<SwimLength> _lengths = [];
    private readonly List<double> _intervals = [];
    private readonly FitWorkoutCollector _workout = new();
    private readonly FitAthleteCollector _athlete = new();

    public void Add(in FitMessage m)
    {
        switch (m.GlobalNumber)
        {
            case FitDeviceCollector.DeviceInfo:
                _devices.Add(m);
                break;
            case FitEventReader.Event:
                _budget.Take();
                _events.Add(FitEventReader.Read(m));
                break;
            case FitLengthReader.Length:
                _budget.Take();
                _lengths.Add(FitLengthReader.Read(m));
                break;
            case FitHrvReader.Hrv:
                FitHrvReader.Read(m, _intervals, _budget);
                break;
            case FitWorkoutCollector.Workout:
                _workout.AddWorkout(m);
                break;
            case FitWorkoutCollector.WorkoutStep:
                _workout.AddStep(m, _budget);
                break;
            case FitAthleteCollector.UserProfile:
                _athlete.AddProfile(m);
                break;
            case FitAthleteCollector.ZonesTarget:
                _athlete.AddZones(m);
                break;
            default:
                break;
        }
    }

    public ActivityFile AddTo(ActivityFile activity) => activity with
    {
        Devices = _devices.Build(),
        Events = [.. _events],
        Lengths = [.. _lengths],
        HeartRateIntervals = [.. _intervals],
        Workout = _workout.Build(),
        Athlete = _athlete.Build(),
    };
}
