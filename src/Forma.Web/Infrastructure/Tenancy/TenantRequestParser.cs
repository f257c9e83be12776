using System.Security.Claims;
using Forma.Core.Tenancy;

namespace Forma.Web.Infrastructure.Tenancy;

/// <summary>What a request says about its tenant, before any database lookup. Pure, so it is tested on its own.</summary>
public static class TenantRequestParser
{
    public const string PathPrefix = "/t";

    /// <summary>The tenant id in the principal's claim, if it has a well-formed one.</summary>
    public static Guid? FromPrincipal(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && Guid.TryParse(user.FindFirstValue(FormaClaims.TenantId), out var id) && id != Guid.Empty
            ? id
            : null;

    /// <summary>The slug in a <c>/t/{slug}/…</c> path, and the path that remains after it.</summary>
    public static bool TryFromPath(PathString path, out string slug, out PathString remaining)
    {
        slug = "";
        remaining = path;
        if (!path.StartsWithSegments(PathPrefix, StringComparison.Ordinal, out var rest) || !rest.HasValue)
        {
            return false;
        }

        var value = rest.Value!;
        var end = value.IndexOf('/', 1);
        var candidate = end < 0 ? value[1..] : value[1..end];
        if (!TenantSlug.TryParse(candidate, out _, out _))
        {
            return false;
        }

        slug = candidate;
        remaining = end < 0 ? PathString.Empty : new PathString(value[end..]);
        return true;
    }

    /// <summary>The slug in <c>{slug}.{baseDomain}</c>; <c>www.</c> and the bare domain name no tenant.</summary>
    public static bool TryFromHost(string host, string baseDomain, out string slug)
    {
        slug = "";
        var suffix = "." + baseDomain;
        if (!host.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var label = host[..^suffix.Length].ToLowerInvariant();
        if (label.Contains('.', StringComparison.Ordinal) || !TenantSlug.TryParse(label, out _, out _))
        {
            return false;
        }

        slug = label;
        return true;
    }
}
