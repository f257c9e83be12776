using System.Text;
using Forma.Web.Features.Accounts;

namespace Forma.Web.Tests.Accounts;

public class TotpTests
{
    // RFC 6238 Appendix B, HMAC-SHA1 rows: the 20-byte ASCII secret "12345678901234567890", 8 digits, 30 s steps.
    [Theory]
    [InlineData(59L, "94287082")]
    [InlineData(1111111109L, "07081804")]
    [InlineData(1111111111L, "14050471")]
    [InlineData(1234567890L, "89005924")]
    [InlineData(2000000000L, "69279037")]
    [InlineData(20000000000L, "65353130")]
    public void Code_MatchesTheRfc6238TestVectors(long unixSeconds, string expected)
    {
        var step = Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds));

        Assert.Equal(expected, Totp.Code(Encoding.ASCII.GetBytes("12345678901234567890"), step, digits: 8));
    }

    // RFC 4648 §10, without padding.
    [Theory]
    [InlineData("f", "MY")]
    [InlineData("fo", "MZXQ")]
    [InlineData("foo", "MZXW6")]
    [InlineData("foob", "MZXW6YQ")]
    [InlineData("fooba", "MZXW6YTB")]
    [InlineData("foobar", "MZXW6YTBOI")]
    public void Base32_MatchesTheRfc4648TestVectors(string input, string expected)
    {
        Assert.Equal(expected, Totp.Base32(Encoding.ASCII.GetBytes(input)));
    }

    [Fact]
    public void MatchingStep_AcceptsOneStepOfDriftButNotTwo()
    {
        var secret = Encoding.ASCII.GetBytes("12345678901234567890");
        var now = DateTimeOffset.FromUnixTimeSeconds(1111111111);
        var step = Totp.StepAt(now);

        Assert.Equal(step - 1, Totp.MatchingStep(secret, Totp.Code(secret, step - 1), now));
        Assert.Equal(step + 1, Totp.MatchingStep(secret, Totp.Code(secret, step + 1), now));
        Assert.Null(Totp.MatchingStep(secret, Totp.Code(secret, step - 2), now));
        Assert.Null(Totp.MatchingStep(secret, "12345", now));
    }
}
