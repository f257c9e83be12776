using Forma.Core.People;
using Forma.Core.Tenancy;
using Forma.Core.Validation;

namespace Forma.Core.Athletes;

/// <summary>
/// A client a coach works with. The record exists with or without a login: <see cref="UserId"/> links it
/// to a person's account once they accept an invitation.
/// </summary>
public sealed class Athlete : ITenantOwned
{
    public const int NameMaxLength = 100;
    public const int NotesMaxLength = 4000;

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public string FirstName { get; private set; } = "";
    public string LastName { get; private set; } = "";
    public string? Email { get; private set; }
    public DateOnly? BirthDate { get; private set; }
    public Sex? Sex { get; private set; }

    /// <summary>IANA zone the athlete lives in (their days and weeks); null means the business's zone.</summary>
    public string? TimeZone { get; private set; }
    public string? Notes { get; private set; }
    public Guid? UserId { get; private set; }

    /// <summary>The coach's membership in the same tenant; the foreign key leads with tenant_id so it cannot point across tenants.</summary>
    public Guid? CoachMembershipId { get; private set; }
    public DateTime CreatedAt { get; private set; }

    /// <summary>
    /// When the athlete was archived: kept with all their data, read-only, and not counted against the plan's active
    /// athletes. Null while active.
    /// </summary>
    public DateTime? ArchivedAt { get; private set; }

    private Athlete()
    {
    }

    public void Archive(DateTime now) => ArchivedAt ??= now;

    public void Restore() => ArchivedAt = null;

    public static Athlete Create(Guid tenantId, string firstName, string lastName, DateTime createdAt)
    {
        return new Athlete
        {
            TenantId = tenantId,
            Id = Guid.CreateVersion7(createdAt),
            FirstName = RequireName(firstName, "firstName"),
            LastName = RequireName(lastName, "lastName"),
            CreatedAt = createdAt,
        };
    }

    public void Rename(string firstName, string lastName)
    {
        FirstName = RequireName(firstName, "firstName");
        LastName = RequireName(lastName, "lastName");
    }

    public void SetEmail(string? email) => Email = email is null ? null : EmailAddress.Normalize(email);

    public void SetBirthDate(DateOnly? birthDate, DateOnly today)
    {
        if (birthDate is { } date && (date > today || date < today.AddYears(-120) || date < DateRules.Earliest))
        {
            throw new DomainException("invalid-birth-date", "A birth date lies in the past 120 years.", "birthDate");
        }

        BirthDate = birthDate;
    }

    public void SetSex(Sex? sex) => Sex = EnumRules.Require(sex, "sex");

    public void SetTimeZone(string? timeZone) => TimeZone = timeZone is null ? null : TimeZones.Require(timeZone, "timeZone");

    public void SetNotes(string? notes)
    {
        if (notes is { Length: > NotesMaxLength })
        {
            throw new DomainException("invalid-notes", $"Notes hold at most {NotesMaxLength} characters.", "notes");
        }

        Notes = string.IsNullOrWhiteSpace(notes) ? null : TextRules.Require(notes, "notes", multiline: true);
    }

    public void LinkUser(Guid userId) => UserId = userId;

    /// <summary>The person deleted their account; the business keeps its client record, without a login.</summary>
    public void UnlinkUser() => UserId = null;

    public void AssignCoach(Membership coach)
    {
        ArgumentNullException.ThrowIfNull(coach);
        if (coach.TenantId != TenantId)
        {
            throw new DomainException("coach-not-found", "The coach is not a member of this business.", "coachId");
        }

        CoachMembershipId = coach.Id;
    }

    private static string RequireName(string? value, string field)
    {
        var trimmed = value?.Trim() ?? "";
        return trimmed.Length is > 0 and <= NameMaxLength
            ? TextRules.Require(trimmed, field)!
            : throw new DomainException("invalid-name", $"A name has 1 to {NameMaxLength} characters.", field);
    }
}
