using System.ComponentModel.DataAnnotations;

namespace Forma.Web.Features.Operations;

/// <summary>Provisions a business by hand (self-service sign-up is the accounts feature's).</summary>
public sealed record CreateTenantRequest(
    [property: Required, StringLength(200, MinimumLength = 1)] string DisplayName,
    [property: Required, StringLength(40, MinimumLength = 3)] string Subdomain,
    [property: Required, RegularExpression("^[a-z][a-z0-9-]{1,39}$")] string Plan,
    [property: Required, StringLength(64, MinimumLength = 1)] string TimeZone);

public sealed record TenantResponse(Guid Id, string DisplayName, string Subdomain, string Plan, string Status, string TimeZone, DateTime CreatedAt, DateTime? TrialEndsAt);
