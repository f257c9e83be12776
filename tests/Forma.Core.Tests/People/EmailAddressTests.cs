using Forma.Core.People;

namespace Forma.Core.Tests.People;

public class EmailAddressTests
{
    [Theory]
    [InlineData(" Ada@Example.COM ", "ada@example.com")]
    [InlineData("coach+tag@sub.example.org", "coach+tag@sub.example.org")]
    public void Normalize_TrimsAndLowerCases(string input, string expected)
    {
        Assert.Equal(expected, EmailAddress.Normalize(input));
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-at-sign")]
    [InlineData("two@@example.com")]
    [InlineData("a@b@example.com")]
    [InlineData("user@localhost")]
    [InlineData("user@example.")]
    [InlineData("sp ace@example.com")]
    [InlineData("a..b@example.com")]
    [InlineData("a,b@example.com")]
    [InlineData("a(b)@example.com")]
    public void Normalize_WithSomethingThatIsNotAnAddress_Throws(string input)
    {
        Assert.Equal("invalid-email", Assert.Throws<DomainException>(() => EmailAddress.Normalize(input)).Code);
    }
}
