namespace Forma.Web.Infrastructure.Access;

/// <summary>Where a use case's request came from, for audit entries: the client's address (after trusted proxies) and browser, or null outside a request.</summary>
internal sealed class RequestOrigin(IHttpContextAccessor http)
{
    public string? Address => http.HttpContext?.Connection.RemoteIpAddress?.ToString();

    public string? UserAgent => http.HttpContext?.Request.Headers.UserAgent.ToString();
}
