namespace Forma.Formats;

/// <summary>
/// One step of a structured workout (FIT workout_step). Values are raw, as their meaning depends on the type
/// beside them (the profile's sub-fields): a <c>time</c> duration is in milliseconds, a <c>distance</c> in
/// centimetres, a <c>repeat_until_steps_cmplt</c> duration names the <see cref="MessageIndex"/> to repeat from and
/// its target value the repetitions; a zone target of 0 means the custom low and high apply (FIT workout
/// guide: heart rate up to 100 is % of max and above is bpm + 100; power up to 1000 is % of FTP and above is
/// watts + 1000).
/// Types are the profile's names (<c>time</c>, <c>distance</c>, <c>open</c>, …; <c>heart_rate</c>,
/// <c>power</c>, …; <c>active</c>, <c>rest</c>, <c>warmup</c>, <c>cooldown</c>, …).
/// </summary>
public sealed record ActivityWorkoutStep(
    int? MessageIndex,
    string? Name,
    string? DurationType,
    uint? DurationValue,
    string? TargetType,
    uint? TargetValue,
    uint? CustomTargetLow,
    uint? CustomTargetHigh,
    string? Intensity);
