namespace Forma.Core.Accounts;

/// <summary>What a <see cref="UserToken"/> proves when it comes back.</summary>
public enum UserTokenPurpose
{
    EmailVerification,
    PasswordReset,
}
