using Forma.Formats.Xml;

namespace Forma.Formats.Tests.Xml;

public class IsoTimestampTests
{
    [Theory]
    [InlineData("2021-03-23T13:01:57Z", "2021-03-23T13:01:57.0000000")]
    [InlineData("2022-11-12T15:58:25.849800+00:00", "2022-11-12T15:58:25.8498000")]
    [InlineData("1901-12-13T20:45:52.2073437Z", "1901-12-13T20:45:52.2073437")]
    [InlineData("2020-01-01T00:00:00.123456789Z", "2020-01-01T00:00:00.1234567")]
    [InlineData("2020-01-01T01:00:00+01", "2020-01-01T00:00:00.0000000")]
    [InlineData("2019-12-31T23:30:00-0100", "2020-01-01T00:30:00.0000000")]
    [InlineData("2020-02-29 10:00:00", "2020-02-29T10:00:00.0000000")]
    public void TryParse_IsoForms_GiveUtc(string text, string expected)
    {
        Assert.True(IsoTimestamp.TryParse(text, out var utc));
        Assert.Equal(expected, utc.ToString("yyyy-MM-ddTHH:mm:ss.fffffff", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateTimeKind.Utc, utc.Kind);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2021-02-29T00:00:00Z")]
    [InlineData("2021-13-01T00:00:00Z")]
    [InlineData("2021-01-01T24:00:00Z")]
    [InlineData("2021-01-01T00:00:60Z")]
    [InlineData("2021-01-01T00:00:00.Z")]
    [InlineData("2021-01-01T00:00:00+25:00")]
    [InlineData("2021-01-01T00:00:00 Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59-01:00")]
    [InlineData("21-01-01T00:00:00Z")]
    [InlineData("2021-01-01")]
    [InlineData("１２３４-01-01T00:00:00Z")]
    public void TryParse_Invalid_IsFalse(string text) => Assert.False(IsoTimestamp.TryParse(text, out _));
}
