using System.Buffers.Binary;
using Forma.Core.People;
using Forma.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Forma.Web.Tests.Accounts;

public class PasswordHashingTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc);

    private static PasswordHashing Hashing(int iterations) =>
        new(new PasswordHasher<User>(Options.Create(new PasswordHasherOptions { IterationCount = iterations })));

    [Fact]
    public void Hash_UsesIdentityV3WithTheOwaspIterationCount()
    {
        var user = User.Create("ada@example.com", "Ada", "Lovelace", Now);

        var hash = Convert.FromBase64String(Hashing(PasswordHashing.Iterations).Hash(user, "correct horse battery"));

        // Identity's V3 format: 0x01, PRF (1 = HMAC-SHA256, 2 = HMAC-SHA512), iteration count, salt length — big-endian.
        Assert.Equal(0x01, hash[0]);
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(1)));
        Assert.Equal(210_000u, BinaryPrimitives.ReadUInt32BigEndian(hash.AsSpan(5)));
    }

    [Fact]
    public void Verify_AnOutdatedHash_SucceedsAndUpgradesIt()
    {
        var user = User.Create("ada@example.com", "Ada", "Lovelace", Now);
        user.SetPasswordHash(Hashing(100_000).Hash(user, "correct horse battery"));
        var before = user.PasswordHash;

        Assert.True(Hashing(PasswordHashing.Iterations).Verify(user, "correct horse battery"));

        Assert.NotEqual(before, user.PasswordHash);
        Assert.Equal(210_000u, BinaryPrimitives.ReadUInt32BigEndian(Convert.FromBase64String(user.PasswordHash!).AsSpan(5)));
        Assert.True(Hashing(PasswordHashing.Iterations).Verify(user, "correct horse battery"));
    }

    [Fact]
    public void Verify_TheWrongPassword_FailsAndChangesNothing()
    {
        var user = User.Create("ada@example.com", "Ada", "Lovelace", Now);
        user.SetPasswordHash(Hashing(100_000).Hash(user, "correct horse battery"));
        var before = user.PasswordHash;

        Assert.False(Hashing(PasswordHashing.Iterations).Verify(user, "correct horse batterY"));
        Assert.Equal(before, user.PasswordHash);
    }

    [Fact]
    public void Verify_AUserWithoutAPassword_Fails()
    {
        Assert.False(Hashing(PasswordHashing.Iterations).Verify(User.Create("ada@example.com", "Ada", "Lovelace", Now), "anything at all"));
    }
}
