using Forma.Formats.Gpx;
using Forma.Formats.Tcx;

namespace Forma.Formats.Tests.Xml;

/// <summary>Both XML readers share one hardened reader; these pin its refusals through each public entry point.</summary>
public class XmlSafetyTests
{
    private const string BillionLaughs =
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">" +
        "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>";

    public static TheoryData<string> Roots => new() { "gpx", "TrainingCenterDatabase" };

    [Theory]
    [MemberData(nameof(Roots))]
    public void Read_BillionLaughs_IsRefusedAsADtd(string root) =>
        Assert.Equal("xml-dtd-prohibited", Refusal(root, BillionLaughs + $"<{root}>&lol3;</{root}>").Code);

    [Theory]
    [MemberData(nameof(Roots))]
    public void Read_ExternalEntity_IsRefusedAsADtd(string root) =>
        Assert.Equal("xml-dtd-prohibited", Refusal(root, $"<!DOCTYPE {root} [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><{root}>&x;</{root}>").Code);

    [Theory]
    [MemberData(nameof(Roots))]
    public void Read_DeepNesting_IsRefused(string root) =>
        Assert.Equal("xml-too-deep", Refusal(root, $"<{root}>{string.Concat(Enumerable.Repeat("<a>", 100))}").Code);

    [Theory]
    [MemberData(nameof(Roots))]
    public void Read_BeyondTheCharacterLimit_IsRefused(string root)
    {
        var xml = $"<{root}><x a=\"{new string('9', 5000)}\"/></{root}>";
        var error = root == "gpx"
            ? Assert.Throws<ActivityFormatException>(() => GpxReader.Read(Read.Utf8(xml), new GpxReadOptions { MaxCharactersInDocument = 1000 }))
            : Assert.Throws<ActivityFormatException>(() => TcxReader.Read(Read.Utf8(xml), new TcxReadOptions { MaxCharactersInDocument = 1000 }));

        Assert.Equal("xml-too-large", error.Code);
    }

    [Theory]
    [MemberData(nameof(Roots))]
    public void Read_Truncated_IsMalformed(string root) =>
        Assert.Equal("xml-malformed", Refusal(root, $"<{root}><a>").Code);

    [Theory]
    [MemberData(nameof(Roots))]
    public void Read_NotXml_IsMalformed(string root) =>
        Assert.Equal("xml-malformed", Refusal(root, "\u0000\u0001 binary").Code);

    private static ActivityFormatException Refusal(string root, string xml) => root == "gpx"
        ? Assert.Throws<ActivityFormatException>(() => Read.Gpx(xml))
        : Assert.Throws<ActivityFormatException>(() => Read.Tcx(xml));
}
