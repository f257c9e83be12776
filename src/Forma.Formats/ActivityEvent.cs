namespace Forma.Formats;

/// <summary>
/// Something the recorder noted at a moment (FIT event): the timer started or stopped, a lap, the battery, a
/// gear change. <see cref="Event"/> and <see cref="EventType"/> are the profile's names (<c>timer</c>,
/// <c>rear_gear_change</c>, …; <c>start</c>, <c>stop_all</c>, <c>marker</c>, …), a number the profile does not
/// name as its digits. <see cref="Data"/> is the raw value whose meaning depends on the event (the timer's
/// trigger, the battery's millivolts, the packed gear numbers).
/// </summary>
/// <param name="Time">UTC; null when the file gives none or only a device-relative time.</param>
public sealed record ActivityEvent(DateTime? Time, string? Event, string? EventType, uint? Data);
