using Forma.Core;
using Forma.Data;
using Forma.Data.Audit;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Audit;

/// <summary>Which entries: those whose action starts with <c>Action</c>, older than sequence <c>Before</c>, <c>Limit</c> at a time.</summary>
public sealed record AuditQuery(string? Action = null, long? Before = null, int Limit = 50);

/// <summary>The business's audit log for its owners and admins, newest first, a page at a time. Seals pending entries first so the page shows them.</summary>
internal sealed class ListAudit(FormaDbContext db) : IUseCase
{
    public const int MaxPageSize = 200;

    public async Task<AuditPage> RunAsync(Caller caller, AuditQuery query, CancellationToken cancellationToken)
    {
        caller.RequireManager(AuditAccess.ManagersOnly);
        var (action, before, limit) = query;
        if (limit is < 1 or > MaxPageSize)
        {
            throw DomainException.Invalid("limit", $"Between 1 and {MaxPageSize}.");
        }

        await AuditSealer.SealAsync(db, cancellationToken);
        var entries = db.AuditEvents.AsNoTracking().Where(e => e.Sequence != null);
        if (!string.IsNullOrWhiteSpace(action))
        {
            entries = entries.Where(e => e.Action.StartsWith(action));
        }

        if (before is { } sequence)
        {
            entries = entries.Where(e => e.Sequence < sequence);
        }

        var rows = await entries.OrderByDescending(e => e.Sequence).Take(limit + 1).ToListAsync(cancellationToken);
        var items = rows.Take(limit).Select(e => new AuditEntryResponse(e.Id, e.Sequence, e.OccurredAt, e.ActorUserId, e.Action, e.TargetId, e.Details, e.Hash)).ToList();
        return new AuditPage(items, rows.Count > limit ? items[^1].Sequence : null);
    }
}
