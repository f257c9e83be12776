namespace Forma.Web.Pages.Shared;

/// <summary>Where a page may send someone after signing in: only a path on this site, never another host ("//evil.example").</summary>
internal static class LocalUrl
{
    public static string OrDefault(string? url, string fallback) =>
        url is { Length: > 1 } && url[0] == '/' && url[1] != '/' && url[1] != '\\' ? url : fallback;
}
