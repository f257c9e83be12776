using System.ComponentModel.DataAnnotations;
using Forma.Core.Validation;

namespace Forma.Web.Features.Accounts;

/// <summary>What an authenticator app needs: the secret (to type in) and the otpauth URI as a QR code (to scan).</summary>
public sealed record TotpEnrolment(string Secret, string OtpAuthUri, string QrCodeSvg);

public sealed record TotpEnrolRequest([property: Required, StringLength(1024), SecretText] string Password);

public sealed record TotpConfirmRequest([property: Required, StringLength(10)] string Code);

/// <summary>Shown once: each code signs in once in place of the authenticator.</summary>
public sealed record RecoveryCodes(IReadOnlyList<string> Codes);

public sealed record DisableTotpRequest(
    [property: Required, StringLength(1024), SecretText] string Password,
    [property: StringLength(10)] string? TotpCode = null,
    [property: StringLength(20)] string? RecoveryCode = null);
