namespace Forma.Core.Booking.Scheduling;

/// <summary>A half-open span of time in UTC, [From, To).</summary>
public readonly record struct Span(DateTime From, DateTime To)
{
    public bool Overlaps(Span other) => From < other.To && other.From < To;
}

/// <summary>The rules of one service that shape its slots.</summary>
/// <param name="Step">Candidate starts come every step of real time from the start of each working period.</param>
public sealed record SlotRules(TimeSpan Length, TimeSpan BufferBefore, TimeSpan BufferAfter, int Capacity, TimeSpan Step, TimeSpan MinimumNotice, TimeSpan MaximumAhead)
{
    public static SlotRules For(Service service) => new(
        service.Duration, service.BufferBefore, service.BufferAfter, service.Capacity, TimeSpan.FromMinutes(service.SlotStepMinutes),
        TimeSpan.FromMinutes(service.MinimumNoticeMinutes), TimeSpan.FromDays(service.MaximumDaysAhead));

    /// <summary>What an appointment starting at <paramref name="start"/> holds of its staff member's time: itself and its buffers.</summary>
    public Span Occupied(DateTime start) => new(start - BufferBefore, start + Length + BufferAfter);
}

/// <summary>A dated change to a week, local to the staff member's zone (see <see cref="StaffException"/>).</summary>
public sealed record DatedChange(DateOnly Date, TimeOnly? Start, TimeOnly? End, bool Available);

/// <summary>An existing appointment of this service with seats left, which a slot may join.</summary>
public sealed record OpenClass(Guid AppointmentId, DateTime Start, int SeatsTaken);

/// <summary>
/// One staff member as availability sees them: hours and exceptions local to <see cref="Zone"/>, the occupied spans of
/// their other appointments (buffers included), and this service's classes that still have seats (not in Busy).
/// </summary>
public sealed record StaffCalendar(Guid StaffId, TimeZoneInfo Zone, IReadOnlyList<WeeklyPeriod> Hours, IReadOnlyList<DatedChange> Exceptions, IReadOnlyList<Span> Busy, IReadOnlyList<OpenClass> OpenClasses);

/// <summary>A bookable resource; each busy span takes one of its <see cref="Units"/>.</summary>
public sealed record ResourceCalendar(Guid ResourceId, int Units, IReadOnlyList<Span> Busy);

/// <summary>The service needs one unit of one resource of this type.</summary>
public sealed record ResourcePool(string Type, IReadOnlyList<ResourceCalendar> Resources);

/// <summary>A bookable start: a fresh appointment (with the resources it would take) or a seat in an existing class.</summary>
public sealed record Slot(DateTime Start, DateTime End, Guid StaffId, int SeatsLeft, Guid? JoinsAppointmentId, IReadOnlyList<Guid> ResourceIds);
