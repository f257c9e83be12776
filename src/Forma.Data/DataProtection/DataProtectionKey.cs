namespace Forma.Data.DataProtection;

/// <summary>An ASP.NET Core data-protection key ring entry. Shared by all instances so a cookie or token protected by one can be read by any.</summary>
public sealed class DataProtectionKey
{
    public string FriendlyName { get; private set; } = "";
    public string Xml { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    private DataProtectionKey()
    {
    }

    public static DataProtectionKey Create(string friendlyName, string xml, DateTime createdAt) =>
        new() { FriendlyName = friendlyName, Xml = xml, CreatedAt = createdAt };
}
