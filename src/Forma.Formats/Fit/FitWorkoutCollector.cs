namespace Forma.Formats.Fit;

/// <summary>
/// workout (26) and its workout_step (27) messages. The first workout message that says anything names the
/// workout; every step is kept, in file order.
/// </summary>
internal sealed class FitWorkoutCollector
{
    public const ushort Workout = 26;
    public const ushort WorkoutStep = 27;

    private readonly List<ActivityWorkoutStep> _steps = [];
    private bool _seen;
    private string? _name;
    private string? _sport;
    private int? _validSteps;

    public void AddWorkout(in FitMessage m)
    {
        _seen = true;
        if (_name is null && _sport is null && _validSteps is null)
        {
            _name = m.GetString(8);
            _sport = FitSportNames.Sport(m.GetRaw(4));
            _validSteps = FitValues.Int(m.GetRaw(6));
        }
    }

    public void AddStep(in FitMessage m, FitListBudget budget)
    {
        budget.Take();
        _seen = true;
        _steps.Add(new ActivityWorkoutStep(
            FitValues.Int(m.GetRaw(254)),
            m.GetString(0),
            FitWorkoutNames.Duration(m.GetRaw(1)),
            FitValues.UInt(m.GetRaw(2)),
            FitWorkoutNames.Target(m.GetRaw(3)),
            FitValues.UInt(m.GetRaw(4)),
            FitValues.UInt(m.GetRaw(5)),
            FitValues.UInt(m.GetRaw(6)),
            FitWorkoutNames.Intensity(m.GetRaw(7))));
    }

    public ActivityWorkout? Build() => _seen ? new ActivityWorkout(_name, _sport, _validSteps, [.. _steps]) : null;
}
