namespace Forma.Web.Infrastructure.Mail;

/// <summary>
/// One email to one person, whose bare address (<c>ada@example.com</c>) is <paramref name="To"/>.
/// <paramref name="Link"/> is the message's single action link (verify, reset, accept an invitation); the
/// pickup-folder sender logs it so a developer without SMTP can follow it.
/// </summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string? HtmlBody = null, string? Link = null);
