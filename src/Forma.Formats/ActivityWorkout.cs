namespace Forma.Formats;

/// <summary>The structured workout the recording followed (FIT workout and its workout_step messages), as the file states it.</summary>
/// <param name="NumValidSteps">The step count the file declares; <see cref="Steps"/> holds the steps it actually carries.</param>
public sealed record ActivityWorkout(string? Name, string? Sport, int? NumValidSteps, IReadOnlyList<ActivityWorkoutStep> Steps);
