namespace Forma.Web.Infrastructure.Tenancy;

/// <summary>Claim types Forma puts in its own principals.</summary>
public static class FormaClaims
{
    /// <summary>The tenant a signed-in session acts for; a session is for one tenant at a time.</summary>
    public const string TenantId = "forma:tenant_id";
}
