using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Forma.Core.Audit;

/// <summary>
/// The per-tenant hash chain over audit entries. Each sealed entry's hash covers its own facts and the
/// previous entry's hash, so editing or deleting an entry breaks every hash after it. This detects tampering
/// by anyone who cannot rewrite the whole chain; anchoring the head outside the database is a later step.
/// </summary>
public static class AuditChain
{
    /// <summary>Seals <paramref name="unsealed"/> (in the order given) after the entry with <paramref name="lastSequence"/> and <paramref name="lastHash"/>.</summary>
    public static void Seal(IEnumerable<AuditEvent> unsealed, long lastSequence, string lastHash)
    {
        foreach (var entry in unsealed)
        {
            entry.Seal(++lastSequence, lastHash);
            lastHash = entry.Hash!;
        }
    }

    /// <summary>The first entry, in sequence order, whose hash or link does not hold — or null when the chain is whole.</summary>
    public static (AuditEvent Entry, string Reason)? FindBreak(IEnumerable<AuditEvent> sealedInOrder)
    {
        long expectedSequence = 1;
        var previousHash = "";
        foreach (var entry in sealedInOrder)
        {
            if (entry.Sequence != expectedSequence)
            {
                return (entry, $"entry {expectedSequence} is missing before entry {entry.Sequence}");
            }

            if (entry.PreviousHash != previousHash)
            {
                return (entry, "it does not link to the entry before it");
            }

            if (entry.Hash != HashOf(entry, entry.Sequence!.Value, entry.PreviousHash!))
            {
                return (entry, "its content does not match its hash");
            }

            previousHash = entry.Hash!;
            expectedSequence++;
        }

        return null;
    }

    internal static string HashOf(AuditEvent entry, long sequence, string previousHash)
    {
        // Fields joined with a separator that cannot occur in them unescaped, in a fixed order and format.
        var canonical = string.Join('\u001f',
            entry.TenantId.ToString("N"),
            sequence.ToString(CultureInfo.InvariantCulture),
            entry.Id.ToString("N"),
            entry.OccurredAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
            entry.ActorUserId?.ToString("N") ?? "",
            entry.Action,
            entry.TargetId ?? "",
            entry.Details ?? "",
            previousHash);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
