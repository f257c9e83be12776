using System.ComponentModel.DataAnnotations;
using Forma.Core.Validation;

namespace Forma.Web.Features.Accounts;

public sealed record ForgotPasswordRequest([property: Required, StringLength(254), DataType(DataType.EmailAddress)] string Email);

public sealed record ResetPasswordRequest(
    [property: Required, StringLength(100)] string Token,
    [property: Required, StringLength(1024), SecretText] string NewPassword);

public sealed record ChangePasswordRequest(
    [property: Required, StringLength(1024), SecretText] string CurrentPassword,
    [property: Required, StringLength(1024), SecretText] string NewPassword);

public sealed record VerifyEmailRequest([property: Required, StringLength(100)] string Token);

/// <summary>The answer to a request whose outcome arrives by email.</summary>
public sealed record EmailOnItsWay(string Message);
