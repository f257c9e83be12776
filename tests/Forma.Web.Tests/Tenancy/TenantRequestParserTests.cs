using System.Security.Claims;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http;

namespace Forma.Web.Tests.Tenancy;

public class TenantRequestParserTests
{
    [Theory]
    [InlineData("/t/peak/api/v1/tenant", "peak", "/api/v1/tenant")]
    [InlineData("/t/peak-42", "peak-42", "")]
    [InlineData("/t/peak/", "peak", "/")]
    public void TryFromPath_WithAPrefix_SplitsSlugAndRemainingPath(string path, string slug, string remaining)
    {
        Assert.True(TenantRequestParser.TryFromPath(new PathString(path), out var parsedSlug, out var rest));
        Assert.Equal(slug, parsedSlug);
        Assert.Equal(remaining, rest.Value ?? "");
    }

    [Theory]
    [InlineData("/api/v1/tenant")]
    [InlineData("/t/")]
    [InlineData("/t/UPPER/x")]
    [InlineData("/t/www/x")]
    [InlineData("/tenants/peak")]
    public void TryFromPath_WithoutAValidPrefix_Declines(string path)
    {
        Assert.False(TenantRequestParser.TryFromPath(new PathString(path), out _, out _));
    }

    [Theory]
    [InlineData("peak.forma.app", true, "peak")]
    [InlineData("PEAK.Forma.App", true, "peak")]
    [InlineData("forma.app", false, "")]
    [InlineData("www.forma.app", false, "")]
    [InlineData("a.b.forma.app", false, "")]
    [InlineData("peak.evil.com", false, "")]
    [InlineData("peakforma.app", false, "")]
    public void TryFromHost_ReadsOnlyOneLabelUnderTheBaseDomain(string host, bool found, string slug)
    {
        Assert.Equal(found, TenantRequestParser.TryFromHost(host, "forma.app", out var parsed));
        Assert.Equal(slug, parsed);
    }

    [Fact]
    public void FromPrincipal_ReadsTheTenantClaimOfAnAuthenticatedPrincipalOnly()
    {
        var tenantId = Guid.NewGuid();
        var claims = new[] { new Claim(FormaClaims.TenantId, tenantId.ToString()) };

        Assert.Equal(tenantId, TenantRequestParser.FromPrincipal(new ClaimsPrincipal(new ClaimsIdentity(claims, "test"))));
        Assert.Null(TenantRequestParser.FromPrincipal(new ClaimsPrincipal(new ClaimsIdentity(claims))));
        Assert.Null(TenantRequestParser.FromPrincipal(new ClaimsPrincipal(new ClaimsIdentity([new Claim(FormaClaims.TenantId, "not-a-guid")], "test"))));
    }
}
