using System.ComponentModel.DataAnnotations;
using Forma.Core.Athletes;
using Forma.Core.Validation;

namespace Forma.Web.Features.Athletes;

/// <summary>Creates or replaces an athlete's record. <c>CoachId</c> is a coach's membership id; only owners and admins choose it.</summary>
public sealed record AthleteRequest(
    [property: Required, StringLength(Athlete.NameMaxLength, MinimumLength = 1)] string FirstName,
    [property: Required, StringLength(Athlete.NameMaxLength, MinimumLength = 1)] string LastName,
    [property: StringLength(254)] string? Email = null,
    DateOnly? BirthDate = null,
    Sex? Sex = null,
    [property: StringLength(64)] string? TimeZone = null,
    [property: StringLength(Athlete.NotesMaxLength), MultilineText] string? Notes = null,
    Guid? CoachId = null);

public sealed record AthleteResponse(
    Guid Id,
    string FirstName,
    string LastName,
    string? Email,
    DateOnly? BirthDate,
    Sex? Sex,
    string? TimeZone,
    string? Notes,
    Guid? CoachId,
    bool HasLogin,
    DateTime CreatedAt)
{
    public static AthleteResponse From(Athlete a) =>
        new(a.Id, a.FirstName, a.LastName, a.Email, a.BirthDate, a.Sex, a.TimeZone, a.Notes, a.CoachMembershipId, a.UserId is not null, a.CreatedAt);
}

/// <summary>One page of athletes; pass <c>NextCursor</c> back as <c>cursor</c> for the next, until it is null.</summary>
public sealed record AthletePage(IReadOnlyList<AthleteResponse> Items, string? NextCursor);
