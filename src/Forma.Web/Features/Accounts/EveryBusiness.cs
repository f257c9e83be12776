using Forma.Core.Audit;
using Forma.Data;
using Forma.Data.Accounts;
using Forma.Data.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Accounts;

/// <summary>
/// Work about one person in every business they belong to (audit a lockout, end all sessions, export or
/// delete their data). Each business gets its own scope and DbContext, so row-level security and the
/// query filters apply to each in turn and nothing crosses between them.
/// </summary>
internal static class EveryBusiness
{
    public static async Task ForEachAsync(IServiceScopeFactory scopes, FormaDbContext platformDb, Guid userId,
        Func<FormaDbContext, Guid, Task> work, CancellationToken cancellationToken)
    {
        foreach (var tenantId in await MembershipLookup.TenantsOfAsync(platformDb, userId, cancellationToken))
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenantId);
            await work(scope.ServiceProvider.GetRequiredService<FormaDbContext>(), tenantId);
        }
    }

    /// <summary>Ends every session of the person (but <paramref name="except"/>) everywhere, and audits it in each business.</summary>
    public static Task EndSessionsAsync(IServiceScopeFactory scopes, FormaDbContext platformDb, Guid userId, string reason, Guid? except, DateTime now, CancellationToken cancellationToken) =>
        ForEachAsync(scopes, platformDb, userId, async (db, tenantId) =>
        {
            await db.RefreshTokens.Where(t => t.UserId == userId && t.RevokedAt == null && (except == null || t.FamilyId != except))
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevokedReason, reason), cancellationToken);
            db.AuditEvents.Add(AuditEvent.Record(tenantId, "session.ended-everywhere", now, userId, userId.ToString(), $$"""{"reason":"{{reason}}"}"""));
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
}
