using System.Security.Cryptography;
using System.Text;
using Forma.Core.Audit;

namespace Forma.Core.Tests.Audit;

public class AuditChainTests
{
    private static readonly Guid Tenant = Guid.Parse("0195a1b2-0000-7000-8000-000000000001");
    private static readonly DateTime Start = new(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc);

    private static List<AuditEvent> SealedChain(int count)
    {
        var entries = Enumerable.Range(0, count).Select(i => AuditEvent.Record(Tenant, $"test.event-{i}", Start.AddMinutes(i), details: $$"""{"n":{{i}}}""")).ToList();
        AuditChain.Seal(entries, 0, "");
        return entries;
    }

    [Fact]
    public void Seal_LinksEachEntryToThePreviousHash()
    {
        var chain = SealedChain(3);

        Assert.Equal([1L, 2L, 3L], chain.Select(e => e.Sequence!.Value));
        Assert.Equal("", chain[0].PreviousHash);
        Assert.Equal(chain[0].Hash, chain[1].PreviousHash);
        Assert.Equal(chain[1].Hash, chain[2].PreviousHash);
        Assert.Null(AuditChain.FindBreak(chain));
    }

    /// <summary>The hash is SHA-256 over the documented canonical form, so another tool can check the chain.</summary>
    [Fact]
    public void Hash_IsSha256OfTheCanonicalFields()
    {
        var entry = SealedChain(1)[0];
        var canonical = string.Join('\u001f', Tenant.ToString("N"), "1", entry.Id.ToString("N"), "2026-11-22T09:00:00.0000000Z", "", "test.event-0", "", """{"n":0}""", "");

        Assert.Equal(Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))), entry.Hash);
    }

    [Fact]
    public void FindBreak_WithAnEntryRemoved_NamesTheEntryAfterTheGap()
    {
        var chain = SealedChain(4);
        chain.RemoveAt(1);

        var broken = AuditChain.FindBreak(chain);

        Assert.Equal(3, broken!.Value.Entry.Sequence);
        Assert.Contains("missing", broken.Value.Reason, StringComparison.Ordinal);
    }
}
