using Forma.Core.People.Passwords;

namespace Forma.Core.Tests.People;

public class PasswordPolicyTests
{
    [Theory]
    [InlineData("correct horse battery staple")]
    [InlineData("Tr4ining-Block-7")]
    [InlineData("ÜberLänge€€€€")]
    public void Check_WithAGoodPassword_FindsNothing(string password)
    {
        Assert.Empty(PasswordPolicy.Check(password, "ada@example.com"));
    }

    [Theory]
    [InlineData("short1!")]
    [InlineData("")]
    [InlineData("123456789")]
    public void Check_WithFewerThanTenCharacters_SaysHowMany(string password)
    {
        Assert.Contains(PasswordPolicy.Check(password, "ada@example.com"), p => p.Contains("at least 10", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_CountsCharactersNotUtf16Units()
    {
        // Ten emoji are ten characters (twenty UTF-16 units); nine are too few.
        Assert.DoesNotContain(PasswordPolicy.Check(string.Concat(Enumerable.Repeat("🏃", 10)), null), p => p.Contains("at least", StringComparison.Ordinal));
        Assert.Contains(PasswordPolicy.Check(string.Concat(Enumerable.Repeat("🏃", 9)), null), p => p.Contains("at least", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_OverTheMaximum_IsRefused()
    {
        Assert.Contains(PasswordPolicy.Check(new string('x', PasswordPolicy.MaxLength + 1), null), p => p.Contains("at most", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("coach.carlos@example.com", "Coach.Carlos@Example.com")]
    [InlineData("coach.carlos@example.com", "coach.carlos")]
    public void Check_WithTheEmailOrItsLocalPart_IsRefused(string email, string password)
    {
        Assert.Contains(PasswordPolicy.Check(password, email), p => p.Contains("email", StringComparison.Ordinal));
    }

    // Well-known breached passwords of 10+ characters, in any case.
    [Theory]
    [InlineData("qwertyuiop")]
    [InlineData("1234567890")]
    [InlineData("Password123")]
    [InlineData("BASKETBALL")]
    [InlineData("1qaz2wsx3edc")]
    public void Check_WithACommonPassword_IsRefused(string password)
    {
        Assert.Contains(PasswordPolicy.Check(password, "ada@example.com"), p => p.Contains("most common", StringComparison.Ordinal));
    }

    [Fact]
    public void CommonList_IsShippedWhole()
    {
        // common-passwords.txt: the 112,130 distinct lower-cased 10+ character entries of the SecLists top million.
        Assert.Equal(112_130, PasswordPolicy.CommonCount);
    }

    [Fact]
    public void Require_WithAWeakPassword_ThrowsForThePasswordField()
    {
        var error = Assert.Throws<DomainException>(() => PasswordPolicy.Require("qwertyuiop", "ada@example.com"));
        Assert.Equal("password", error.Field);
        Assert.Equal("weak-password", error.Code);
    }
}
