using Forma.Core.Plans;

namespace Forma.Web.Infrastructure.Tenancy;

/// <summary>The tenant a request is for, as resolved from its principal, path prefix or subdomain, with what decides its plan.</summary>
public sealed record ResolvedTenant(Guid Id, string Slug, string DisplayName, string TimeZone, TenantSource Source, PlanState Plan);

public enum TenantSource
{
    Principal,
    PathPrefix,
    Subdomain,
}
