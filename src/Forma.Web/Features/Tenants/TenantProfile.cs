namespace Forma.Web.Features.Tenants;

/// <summary>What anyone may know about a business: enough to render its public pages.</summary>
public sealed record TenantProfile(Guid Id, string DisplayName, string Slug, string TimeZone);
