using System.ComponentModel.DataAnnotations;
using Forma.Core.People.Passwords;
using Forma.Core.Validation;

namespace Forma.Web.Features.Accounts;

public sealed record SignupRequest(
    [property: Required, StringLength(200, MinimumLength = 1)] string BusinessName,
    [property: Required, StringLength(40, MinimumLength = 3)] string Subdomain,
    [property: Required, StringLength(254), DataType(DataType.EmailAddress)] string Email,
    [property: Required, StringLength(PasswordPolicy.MaxLength, MinimumLength = PasswordPolicy.MinLength), SecretText] string Password,
    [property: Required, StringLength(100, MinimumLength = 1)] string FirstName,
    [property: Required, StringLength(100, MinimumLength = 1)] string LastName,
    [property: StringLength(64)] string? TimeZone = null);

public sealed record LoginRequest(
    [property: Required, StringLength(254)] string Email,
    [property: Required, StringLength(1024), SecretText] string Password,
    [property: StringLength(40)] string? Tenant = null,
    [property: StringLength(10)] string? TotpCode = null,
    [property: StringLength(20)] string? RecoveryCode = null);

public sealed record RefreshRequest([property: Required, StringLength(200)] string RefreshToken);

/// <summary>A signed-in session for one business.</summary>
public sealed record SessionResponse(string AccessToken, string RefreshToken, int ExpiresIn, string TokenType, Guid TenantId, Guid UserId, string Role);

public sealed record MeResponse(Guid UserId, Guid TenantId, Guid MembershipId, string Role, Guid SessionId);

public sealed record SwitchRequest([property: Required, StringLength(40, MinimumLength = 1)] string Tenant);
