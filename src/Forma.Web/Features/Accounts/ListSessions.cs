using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Accounts;

/// <summary>The caller's own live sessions in this business (a refresh-token family with a live token), newest activity first.</summary>
internal sealed class ListSessions(FormaDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<List<SessionInfo>> RunAsync(Caller caller, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var live = await db.RefreshTokens.AsNoTracking()
            .Where(t => t.UserId == caller.UserId && t.UsedAt == null && t.RevokedAt == null && t.ExpiresAt > now)
            .ToListAsync(cancellationToken);
        var families = live.Select(t => t.FamilyId).ToList();
        var started = await db.RefreshTokens.AsNoTracking().Where(t => families.Contains(t.FamilyId))
            .GroupBy(t => t.FamilyId).Select(g => new { Family = g.Key, Started = g.Min(t => t.CreatedAt) })
            .ToDictionaryAsync(x => x.Family, x => x.Started, cancellationToken);
        return live
            .Select(t => new SessionInfo(t.FamilyId, started[t.FamilyId], t.CreatedAt, t.IpAddress, t.UserAgent, t.FamilyId == caller.SessionId))
            .OrderByDescending(s => s.LastSeenAt)
            .ToList();
    }
}
