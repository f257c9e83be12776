namespace Forma.Web.Infrastructure.Endpoints;

/// <summary>Tells the JSON API (<c>/api/…</c>) from the pages, before or after the <c>/t/{slug}</c> prefix was moved into PathBase.</summary>
public static class ApiPaths
{
    public static bool Matches(HttpRequest request)
    {
        var path = (request.PathBase + request.Path).Value ?? "";
        var segments = path.Split('/', 5, StringSplitOptions.RemoveEmptyEntries);
        return segments is ["api", ..] or ["t", _, "api", ..];
    }
}
