namespace Forma.Web.Infrastructure.Problems;

/// <summary>
/// Stable problem <c>type</c> URIs (RFC 9457 §3.1.1). Clients branch on these, never on titles or details,
/// so a type, once published, does not change.
/// </summary>
public static class ProblemTypes
{
    public const string Base = "https://forma.app/problems/";

    public static readonly string Validation = For("validation");
    public static readonly string NotFound = For("not-found");
    public static readonly string Unauthorized = For("unauthorized");
    public static readonly string Forbidden = For("forbidden");
    public static readonly string Conflict = For("conflict");
    public static readonly string MethodNotAllowed = For("method-not-allowed");
    public static readonly string BadRequest = For("bad-request");
    public static readonly string PayloadTooLarge = For("payload-too-large");
    public static readonly string TooManyRequests = For("too-many-requests");
    public static readonly string Internal = For("internal");
    public static readonly string TenantNotFound = For("tenant-not-found");
    public static readonly string TenantMismatch = For("tenant-mismatch");
    public static readonly string TenantSuspended = For("tenant-suspended");

    public static string For(string code) => Base + code;

    /// <summary>The type for a bare status code, used when nothing more specific was said.</summary>
    public static string ForStatus(int status) => status switch
    {
        400 => BadRequest,
        401 => Unauthorized,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        409 => Conflict,
        413 => PayloadTooLarge,
        415 => For("unsupported-media-type"),
        422 => Validation,
        429 => TooManyRequests,
        _ when status >= 500 => Internal,
        _ => For($"http-{status}"),
    };
}
