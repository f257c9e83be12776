namespace Forma.Web.Features.Operations;

/// <summary>The <c>Operations</c> section: access for the people who run the platform (not a tenant's staff).</summary>
public sealed class OperationsOptions
{
    public const string Section = "Operations";

    /// <summary>
    /// The key operators send in <c>X-Operator-Key</c>. Empty (the default) turns the operator endpoints
    /// off: every call answers 401. Supply it from a secret store or environment variable, never a file in git.
    /// </summary>
    public string ApiKey { get; set; } = "";
}
