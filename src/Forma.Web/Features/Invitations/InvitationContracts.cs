using System.ComponentModel.DataAnnotations;
using Forma.Core.People;
using Forma.Core.Validation;

namespace Forma.Web.Features.Invitations;

/// <summary>Invite someone by email. <c>AthleteId</c>: for an athlete, the record their login takes over; for a guardian, their dependent.</summary>
public sealed record CreateInvitationRequest(
    [property: Required, StringLength(EmailAddress.MaxLength), DataType(System.ComponentModel.DataAnnotations.DataType.EmailAddress)] string Email,
    [property: Required] Role? Role,
    Guid? AthleteId = null);

public sealed record InvitationInfo(Guid Id, string Email, Role Role, Guid? AthleteId, Guid InvitedBy, DateTime CreatedAt, DateTime ExpiresAt, DateTime? AcceptedAt, DateTime? RevokedAt)
{
    public static InvitationInfo From(Invitation i) => new(i.Id, i.Email, i.Role, i.AthleteId, i.InvitedByUserId, i.CreatedAt, i.ExpiresAt, i.AcceptedAt, i.RevokedAt);
}

/// <summary>
/// Accept with the emailed token. A new person sends their names and a password; someone who already has
/// an account signs in with it here (password, and their second factor when they use one).
/// </summary>
public sealed record AcceptInvitationRequest(
    [property: Required, StringLength(120)] string Token,
    [property: Required, StringLength(1024), SecretText] string Password,
    [property: StringLength(100)] string? FirstName = null,
    [property: StringLength(100)] string? LastName = null,
    [property: StringLength(10)] string? TotpCode = null,
    [property: StringLength(20)] string? RecoveryCode = null);
