using Forma.Core.Tenancy;

namespace Forma.Core.Audit;

/// <summary>
/// One thing that happened in a tenant and who did it. Append-only: nothing updates or deletes these rows.
/// </summary>
public sealed class AuditEvent : ITenantOwned
{
    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public DateTime OccurredAt { get; private set; }

    /// <summary>The acting person, or null when the platform acted (a job, a webhook).</summary>
    public Guid? ActorUserId { get; private set; }

    /// <summary>A dotted verb such as <c>tenant.created</c> or <c>athlete.deleted</c>.</summary>
    public string Action { get; private set; } = "";
    public string? TargetId { get; private set; }

    /// <summary>Extra facts as JSON; never secrets.</summary>
    public string? Details { get; private set; }

    /// <summary>Position in the tenant's chain, from 1; null until the entry is sealed.</summary>
    public long? Sequence { get; private set; }

    /// <summary>The hash of the entry before it in the chain ("" for the first).</summary>
    public string? PreviousHash { get; private set; }

    /// <summary>SHA-256 over this entry's facts and <see cref="PreviousHash"/>; see <see cref="AuditChain"/>.</summary>
    public string? Hash { get; private set; }

    private AuditEvent()
    {
    }

    internal void Seal(long sequence, string previousHash)
    {
        Sequence = sequence;
        PreviousHash = previousHash;
        Hash = AuditChain.HashOf(this, sequence, previousHash);
    }

    public static AuditEvent Record(Guid tenantId, string action, DateTime occurredAt, Guid? actorUserId = null, string? targetId = null, string? details = null) => new()
    {
        TenantId = tenantId,
        Id = Guid.CreateVersion7(occurredAt),
        OccurredAt = occurredAt,
        ActorUserId = actorUserId,
        Action = action,
        TargetId = targetId,
        Details = details,
    };
}
