using System.Security.Cryptography;
using System.Text;
using Forma.Core.Accounts;
using Forma.Core.People;
using Forma.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace Forma.Web.Features.Accounts;

public enum SecondFactorOutcome
{
    Passed,
    PassedWithRecoveryCode,
    Missing,
    Wrong,
}

/// <summary>
/// TOTP enrolment and checking, and recovery codes. The secret is encrypted with the shared data-protection
/// key ring before it is stored; recovery codes are stored as SHA-256 hashes and each works once.
/// </summary>
public sealed class TwoFactor(IDataProtectionProvider dataProtection, TimeProvider clock)
{
    public const int RecoveryCodeCount = 10;

    private readonly IDataProtector _protector = dataProtection.CreateProtector("Forma.Accounts.Totp");

    public TotpEnrolment BeginEnrolment(User user)
    {
        var secret = RandomNumberGenerator.GetBytes(20);
        user.BeginTotpEnrolment(_protector.Protect(Convert.ToBase64String(secret)));
        return Describe(user, secret);
    }

    /// <summary>The enrolment still waiting for its first code, shown again after a wrong one; null when none is pending.</summary>
    public TotpEnrolment? PendingEnrolment(User user) =>
        !user.HasTotp && SecretOf(user) is { } secret ? Describe(user, secret) : null;

    private static TotpEnrolment Describe(User user, byte[] secret)
    {
        var base32 = Totp.Base32(secret);
        var uri = $"otpauth://totp/Forma:{Uri.EscapeDataString(user.Email)}?secret={base32}&issuer=Forma&algorithm=SHA1&digits={Totp.Digits}&period={(int)Totp.Step.TotalSeconds}";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return new TotpEnrolment(base32, uri, new SvgQRCode(data).GetGraphic(4));
    }

    /// <summary>Turns the second factor on when the code proves the app holds the secret; returns the new recovery codes, or null for a wrong code.</summary>
    public async Task<IReadOnlyList<string>?> ConfirmAsync(FormaDbContext db, User user, string code, CancellationToken cancellationToken)
    {
        if (SecretOf(user) is not { } secret || Totp.MatchingStep(secret, code, clock.GetUtcNow()) is not { } step)
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        user.EnableTotp(now, step);
        await db.RecoveryCodes.Where(c => c.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
        var codes = Enumerable.Range(0, RecoveryCodeCount).Select(_ => NewRecoveryCode()).ToList();
        db.RecoveryCodes.AddRange(codes.Select(c => RecoveryCode.Create(user.Id, HashOf(c), now)));
        return codes;
    }

    /// <summary>Checks the second factor at sign-in: a current TOTP code (each step once), or an unused recovery code.</summary>
    public async Task<SecondFactorOutcome> VerifyAsync(FormaDbContext db, User user, string? totpCode, string? recoveryCode, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(totpCode))
        {
            if ((SecretOf(user) is { } secret ? Totp.MatchingStep(secret, totpCode, clock.GetUtcNow()) : null) is not { } step)
            {
                return SecondFactorOutcome.Wrong;
            }

            // Each step once, and never one older than the last accepted — atomically, so parallel sign-ins cannot share a code.
            var claimed = await db.Users.Where(u => u.Id == user.Id && (u.TotpLastStep == null || u.TotpLastStep < step))
                .ExecuteUpdateAsync(set => set.SetProperty(u => u.TotpLastStep, step), cancellationToken);
            return claimed == 1 ? SecondFactorOutcome.Passed : SecondFactorOutcome.Wrong;
        }

        if (!string.IsNullOrWhiteSpace(recoveryCode))
        {
            var hash = HashOf(recoveryCode);
            var now = clock.GetUtcNow().UtcDateTime;
            var used = await db.RecoveryCodes.Where(c => c.UserId == user.Id && c.CodeHash == hash && c.UsedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.UsedAt, now), cancellationToken);
            return used == 1 ? SecondFactorOutcome.PassedWithRecoveryCode : SecondFactorOutcome.Wrong;
        }

        return SecondFactorOutcome.Missing;
    }

    private byte[]? SecretOf(User user) =>
        user.ProtectedTotpSecret is { } protectedSecret ? Convert.FromBase64String(_protector.Unprotect(protectedSecret)) : null;

    /// <summary>Ten characters from an alphabet without look-alikes, shown as two groups of five.</summary>
    private static string NewRecoveryCode()
    {
        var raw = RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyz23456789", 10);
        return $"{raw[..5]}-{raw[5..]}";
    }

    /// <summary>Hyphens and spaces are typing aids, not part of the code.</summary>
    private static string HashOf(string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal))));
}
