using Forma.Core.Tenancy;

namespace Forma.Core.Booking;

/// <summary>
/// A dated change to a staff member's week, in their zone: time off (a whole day when no times are given, a
/// holiday, a dentist appointment) or extra hours on top of the weekly ones.
/// </summary>
public sealed class StaffException : ITenantOwned
{
    public const int ReasonMaxLength = 200;

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid MembershipId { get; private set; }
    public DateOnly Date { get; private set; }
    public TimeOnly? Start { get; private set; }
    public TimeOnly? End { get; private set; }
    public bool Available { get; private set; }
    public string? Reason { get; private set; }
    public DateTime CreatedAt { get; private set; }

    private StaffException()
    {
    }

    public static StaffException Create(Guid tenantId, Guid membershipId, DateOnly date, TimeOnly? start, TimeOnly? end, bool available, string? reason, DateTime now)
    {
        if (start is null != end is null)
        {
            throw new DomainException("invalid-end", "Give both start and end, or neither for the whole day.", "end");
        }

        if (start is { } s && end is { } e && e <= s && e != TimeOnly.MinValue)
        {
            throw new DomainException("invalid-end", "The end lies after the start (00:00 for midnight).", "end");
        }

        if (available && start is null)
        {
            throw new DomainException("invalid-start", "Extra hours need a start and an end.", "start");
        }

        if (reason is { Length: > ReasonMaxLength })
        {
            throw new DomainException("invalid-reason", $"At most {ReasonMaxLength} characters.", "reason");
        }

        return new StaffException
        {
            TenantId = tenantId, Id = Guid.CreateVersion7(now), MembershipId = membershipId, Date = date,
            Start = start, End = end, Available = available, Reason = reason, CreatedAt = now,
        };
    }
}
