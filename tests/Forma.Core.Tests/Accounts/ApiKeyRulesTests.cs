using Forma.Core.Accounts;

namespace Forma.Core.Tests.Accounts;

public class ApiKeyRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("")]
    [InlineData("athletes:read admin:everything")]
    public void Create_WithNoOrUnknownScopes_NamesTheScopesField(string scopes) =>
        Assert.Equal("scopes", Assert.Throws<DomainException>(() =>
            ApiKey.Create(Guid.NewGuid(), "Zapier", scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), null, Guid.NewGuid(), "abc", "hash", Now)).Field);

    [Fact]
    public void Create_WithAPastExpiry_IsRefused_AndAnActiveKeyStopsAtItsExpiryOrRevocation()
    {
        Assert.Equal("expiresAt", Assert.Throws<DomainException>(() => ApiKey.Create(Guid.NewGuid(), "Old", [ApiScopes.AthletesRead], Now, Guid.NewGuid(), "abc", "hash", Now)).Field);

        var key = ApiKey.Create(Guid.NewGuid(), "  Zapier ", [ApiScopes.AthletesWrite, ApiScopes.AthletesRead, ApiScopes.AthletesRead], Now.AddDays(1), Guid.NewGuid(), "abc", "hash", Now);
        Assert.Equal("Zapier", key.Name);
        Assert.Equal(["athletes:read", "athletes:write"], key.ScopeList);
        Assert.True(key.IsActiveAt(Now.AddHours(23)));
        Assert.False(key.IsActiveAt(Now.AddDays(1)));
        key.Revoke(Now);
        Assert.False(key.IsActiveAt(Now));
    }

    [Fact]
    public void Secrets_Carry256RandomBits_AndTheStoredHashIsSha256()
    {
        var secret = SecretHash.NewSecret();
        Assert.Equal(SecretHash.SecretLength, secret.Length);
        Assert.NotEqual(secret, SecretHash.NewSecret());
        // SHA-256("abc"), FIPS 180-2 appendix B.1.
        Assert.Equal("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", SecretHash.Of("abc"));
    }
}
