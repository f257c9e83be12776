using Microsoft.Extensions.Options;

namespace Forma.Web.Infrastructure.Links;

/// <summary>The <c>App</c> configuration section.</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>
    /// Where people reach Forma in a browser; every absolute link (emails, calendar feeds, payment return
    /// addresses) starts here. The default is the embedded run's address (appsettings <c>Urls</c>).
    /// </summary>
    public Uri PublicUrl { get; set; } = new("http://localhost:5080/");
}

/// <summary>
/// Absolute links for emails and calendar apps. Built from configuration, never from the request's Host header: a forged
/// Host would otherwise put an attacker's domain into a password-reset link (host-header poisoning).
/// </summary>
public sealed class PublicLinks(IOptions<AppOptions> options)
{
    public string To(string path, string token) =>
        Base(path) + "?token=" + Uri.EscapeDataString(token);

    /// <summary>An absolute link to <paramref name="path"/> on the public address (return addresses for the payment provider).</summary>
    public string Base(string path) => new Uri(options.Value.PublicUrl, path.TrimStart('/')).ToString();
}
