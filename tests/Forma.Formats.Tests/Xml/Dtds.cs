namespace Forma.Formats.Tests.Xml;

/// <summary>Hostile document type declarations, each of which the readers must refuse before expanding anything.</summary>
internal static class Dtds
{
    /// <summary>Ten nested levels of ten references: 10^9 "lol"s, about 3 GB, if expanded.</summary>
    public static readonly string BillionLaughs = "<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        + string.Concat(Enumerable.Range(1, 9).Select(level =>
            $"<!ENTITY lol{level + 1} \"{string.Concat(Enumerable.Repeat(level == 1 ? "&lol;" : $"&lol{level};", 10))}\">"))
        + "]>";

    /// <summary>An external entity that would read a local file into the document.</summary>
    public const string ExternalEntity = "<!DOCTYPE r [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>";
}
