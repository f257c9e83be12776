using Forma.Core.Audit;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Plans;

/// <summary>
/// After a move to a smaller plan: the newest active athletes beyond the limit, as a dry run (exactly which, nothing
/// changes) or archived (audited; the same list the dry run showed if nothing changed in between).
/// </summary>
internal sealed class ArchiveAthletesOverLimit(FormaDbContext db, PlanGate plan, TimeProvider clock) : IUseCase
{
    public async Task<OverLimitArchive> RunAsync(Caller caller, bool execute, CancellationToken cancellationToken)
    {
        caller.RequireManager(OverLimitEndpoints.OwnersOnlyMessage);
        if (!execute)
        {
            var limit = plan.Current.Limits.ActiveAthletes;
            return new OverLimitArchive(limit, await PlanGate.ActiveAthletes(db).LongCountAsync(cancellationToken), await OverLimitAsync(db, limit, cancellationToken), false);
        }

        var allowed = plan.Current.Limits.ActiveAthletes;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var active = await PlanGate.ActiveAthletes(db).LongCountAsync(cancellationToken);
        var over = await OverLimitAsync(db, allowed, cancellationToken);
        var ids = over.Select(a => a.Id).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var athlete in await db.Athletes.Where(a => ids.Contains(a.Id)).ToListAsync(cancellationToken))
        {
            athlete.Archive(now);
        }

        db.AuditEvents.Add(AuditEvent.Record(caller.TenantId, "athletes.archived-over-limit", now, caller.UserId, null, $$"""{"archived":{{ids.Count}},"allowed":{{allowed?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"}}}"""));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new OverLimitArchive(allowed, active - ids.Count, over, true);
    }

    /// <summary>The newest active athletes beyond the limit — the same ones the plan gate treats as read-only.</summary>
    private static async Task<List<ArchivedAthlete>> OverLimitAsync(FormaDbContext db, long? allowed, CancellationToken cancellationToken) =>
        allowed is not { } cap
            ? []
            : await PlanGate.ActiveAthletes(db).OrderBy(a => a.CreatedAt).ThenBy(a => a.Id).Skip((int)Math.Min(cap, int.MaxValue))
                .Select(a => new ArchivedAthlete(a.Id, a.FirstName, a.LastName, a.CreatedAt)).ToListAsync(cancellationToken);
}
