using System.Globalization;
using Forma.Core.Accounts;
using Forma.Core.People;
using Forma.Web.Infrastructure.Links;
using Forma.Web.Infrastructure.Mail;

namespace Forma.Web.Features.Accounts;

/// <summary>The words of the emails about a person's account. Each carries one link that works once.</summary>
public sealed class AccountEmails(PublicLinks links)
{
    public const string VerifyPath = "verify-email";
    public const string ResetPath = "reset-password";
    public const string InvitationPath = "invitations/accept";

    public EmailMessage Verification(User user, string secret)
    {
        var link = links.To(VerifyPath, secret);
        return new EmailMessage(user.Email, "Confirm your email address for Forma",
            $"""
            Hello {user.FirstName},

            Please confirm that this is your email address by opening this link:

            {link}

            The link works once and expires in {UserToken.LifetimeOf(UserTokenPurpose.EmailVerification).TotalDays:0} days. If you did not sign up for Forma, ignore this email.
            """, Link: link);
    }

    public EmailMessage PasswordReset(User user, string secret)
    {
        var link = links.To(ResetPath, secret);
        return new EmailMessage(user.Email, "Reset your Forma password",
            $"""
            Hello {user.FirstName},

            Someone asked to reset the password of your Forma account. To choose a new one, open this link:

            {link}

            The link works once and expires in {UserToken.LifetimeOf(UserTokenPurpose.PasswordReset).TotalMinutes:0} minutes. Choosing a new password signs you out everywhere.
            If you did not ask for this, ignore this email: your password stays as it is.
            """, Link: link);
    }

    public EmailMessage Invitation(Invitation invitation, string inviterName, string businessName, string token)
    {
        ArgumentNullException.ThrowIfNull(invitation);
        var link = links.To(InvitationPath, token);
        var role = invitation.Role.ToString().ToLower(CultureInfo.InvariantCulture);
        return new EmailMessage(invitation.Email, $"{inviterName} invited you to {businessName} on Forma",
            $"""
            Hello,

            {inviterName} invited you to join {businessName} on Forma as {(role[0] is 'a' or 'o' ? "an" : "a")} {role}.

            Accept the invitation here:

            {link}

            The link works once and expires on {invitation.ExpiresAt.ToString("d MMMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture)}. If you already have a Forma account, sign in with it when you accept.
            """, Link: link);
    }
}
