using Forma.Core.Tenancy;

namespace Forma.Core.Tests.Tenancy;

public class TenantSlugTests
{
    [Theory]
    [InlineData("abc")]
    [InlineData("peak-performance")]
    [InlineData("studio-42")]
    [InlineData("a1234567890123456789012345678901234567z9")] // 40 characters
    public void Parse_WithAValidSubdomain_KeepsIt(string value)
    {
        Assert.Equal(value, TenantSlug.Parse(value).Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("ab")]
    [InlineData("a12345678901234567890123456789012345678901")] // 42 characters
    [InlineData("Upper")]
    [InlineData("-lead")]
    [InlineData("trail-")]
    [InlineData("under_score")]
    [InlineData("dot.ted")]
    [InlineData("www")]
    [InlineData("api")]
    [InlineData("admin")]
    public void Parse_WithAnInvalidOrReservedSubdomain_NamesTheField(string value)
    {
        var error = Assert.Throws<DomainException>(() => TenantSlug.Parse(value));
        Assert.Equal("subdomain", error.Field);
        Assert.Equal("invalid-slug", error.Code);
    }

    [Fact]
    public void Create_WithUnknownTimeZone_IsRefused()
    {
        var error = Assert.Throws<DomainException>(() => Tenant.Create("Peak", TenantSlug.Parse("peak"), "pro", "Europe/Atlantis", DateTime.UtcNow));
        Assert.Equal("timeZone", error.Field);
    }
}
