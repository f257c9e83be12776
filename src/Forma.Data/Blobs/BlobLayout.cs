namespace Forma.Data.Blobs;

/// <summary>
/// Where blobs sit under the storage root: <c>tenants/{tenant}/sha256/ab/cd/abcd…</c> (two levels of fan-out keep
/// directories small at millions of blobs), unfinished writes in <c>incoming</c>, and the shared
/// <c>sha256/…</c> folder of blobs stored before they had owners.
/// </summary>
internal sealed class BlobLayout(string root)
{
    public string Root { get; } = root;
    public string Incoming => Path.Combine(Root, "incoming");
    public string Tenants => Path.Combine(Root, "tenants");

    public string TenantFolder(Guid tenantId) => Path.Combine(Tenants, tenantId.ToString("N"));

    public string PathOf(Guid tenantId, string sha256) => Path.Combine(TenantFolder(tenantId), Fanned(sha256));

    public string LegacyPathOf(string sha256) => Path.Combine(Root, Fanned(sha256));

    public string LegacyFolder => Path.Combine(Root, "sha256");

    public static bool IsSha256(string name) => name.Length == 64 && name.All(char.IsAsciiHexDigitLower);

    private static string Fanned(string sha256)
    {
        if (!IsSha256(sha256))
        {
            throw new ArgumentException("Not a lower-case hex SHA-256.", nameof(sha256));
        }

        return Path.Combine("sha256", sha256[..2], sha256[2..4], sha256);
    }
}
