namespace Forma.Web.Infrastructure.Tenancy;

/// <summary>The <c>Tenancy</c> configuration section.</summary>
public sealed class TenancyOptions
{
    public const string Section = "Tenancy";

    /// <summary>
    /// The domain tenants' subdomains hang from: <c>{slug}.{BaseDomain}</c>. The default, <c>localhost</c>,
    /// makes <c>http://demo.localhost:5080</c> work on a developer's machine, since browsers resolve
    /// every <c>*.localhost</c> name to the loopback address.
    /// </summary>
    public string BaseDomain { get; set; } = "localhost";
}
