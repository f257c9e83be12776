using Forma.Core.Validation;

namespace Forma.Core.Tests.Validation;

public class TextRulesTests
{
    [Theory]
    [InlineData("Ada Lovelace")]
    [InlineData("José Müller-Łukasiewicz")]
    [InlineData("李小龍")]
    [InlineData("Zoë 🚴")]
    public void Require_OrdinaryText_IsKept(string text) => Assert.Equal(text, TextRules.Require(text, "name"));

    [Theory]
    [InlineData("A\0b", 1)] // NUL, Cc
    [InlineData("\u001Bm", 0)] // escape, Cc
    [InlineData("x\u202Egnp.exe", 1)] // right-to-left override, Cf
    [InlineData("ad\u200Bmin", 2)] // zero-width space, Cf
    [InlineData("\uFEFFname", 0)] // byte-order mark, Cf
    [InlineData("tag\U000E0041", 3)] // language tag, Cf outside the BMP
    [InlineData("two\nlines", 3)]
    public void FirstForbidden_SingleLine_FindsTheCharacter(string text, int index) => Assert.Equal(index, TextRules.FirstForbidden(text));

    [Fact]
    public void FirstForbidden_HalfASurrogatePair_IsNotText() => Assert.Equal(4, TextRules.FirstForbidden("half" + (char)0xD800 + "!"));

    [Fact]
    public void Require_Multiline_AllowsLineBreaksAndTabsButNotOtherControls()
    {
        Assert.Equal("Base phase\r\n\tthen build", TextRules.Require("Base phase\r\n\tthen build", "notes", multiline: true));
        var refused = Assert.Throws<DomainException>(() => TextRules.Require("Base\u0007phase", "notes", multiline: true));
        Assert.Equal(("invalid-text", "notes"), (refused.Code, refused.Field));
    }
}
