using Forma.Core.Booking;

namespace Forma.Web.Features.Booking;

/// <summary>A staff member's calendar settings: weekly hours are local to <see cref="TimeZone"/> (IANA).</summary>
public sealed record StaffProfileRequest(string TimeZone, IReadOnlyList<string>? Skills, IReadOnlyList<Guid>? ServiceIds, IReadOnlyList<WeeklyPeriod>? WeeklyHours, bool Bookable = true);

public sealed record StaffProfileResponse(Guid MembershipId, string Name, string TimeZone, IReadOnlyList<string> Skills, IReadOnlyList<Guid> ServiceIds, IReadOnlyList<WeeklyPeriod> WeeklyHours, bool Bookable)
{
    public static StaffProfileResponse From(StaffProfile p, string name) => new(p.MembershipId, name, p.TimeZone, p.Skills, p.ServiceIds, p.WeeklyHours, p.Bookable);
}

/// <summary>Time off (no times: the whole day) or extra hours (<see cref="Available"/> true, with times), local to the staff member's zone.</summary>
public sealed record StaffExceptionRequest(DateOnly Date, TimeOnly? Start, TimeOnly? End, bool Available = false, string? Reason = null);

public sealed record StaffExceptionResponse(Guid Id, DateOnly Date, TimeOnly? Start, TimeOnly? End, bool Available, string? Reason)
{
    public static StaffExceptionResponse From(StaffException e) => new(e.Id, e.Date, e.Start, e.End, e.Available, e.Reason);
}

public sealed record CredentialRequest(string Kind, DateOnly ValidFrom, DateOnly? ExpiresOn, string? Note);

public sealed record CredentialResponse(Guid Id, Guid AthleteId, string Kind, DateOnly ValidFrom, DateOnly? ExpiresOn, string? Note)
{
    public static CredentialResponse From(Credential c) => new(c.Id, c.AthleteId, c.Kind, c.ValidFrom, c.ExpiresOn, c.Note);
}
