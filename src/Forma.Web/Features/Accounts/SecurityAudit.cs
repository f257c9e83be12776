using System.Text.Json;
using Forma.Core.Audit;
using Forma.Data;
using Forma.Data.Tenancy;

namespace Forma.Web.Features.Accounts;

/// <summary>
/// Records a security event about a person in every business they belong to — before sign-in picks a
/// business, each of them has a stake in "someone is guessing this person's password".
/// </summary>
public sealed class SecurityAudit(IServiceScopeFactory scopes, TimeProvider clock)
{
    public async Task RecordForUserAsync(FormaDbContext platformDb, Guid userId, string action, HttpContext http, CancellationToken cancellationToken)
    {
        var details = JsonSerializer.Serialize(new { ip = http.Connection.RemoteIpAddress?.ToString(), userAgent = http.Request.Headers.UserAgent.ToString() });
        foreach (var tenantId in await MembershipLookup.TenantsOfAsync(platformDb, userId, cancellationToken))
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenantId);
            var db = scope.ServiceProvider.GetRequiredService<FormaDbContext>();
            db.AuditEvents.Add(AuditEvent.Record(tenantId, action, clock.GetUtcNow().UtcDateTime, userId, userId.ToString(), details));
            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
