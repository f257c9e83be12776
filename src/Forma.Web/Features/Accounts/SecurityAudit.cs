using System.Text.Json;
using Forma.Core.Audit;
using Forma.Data;

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
        await EveryBusiness.ForEachAsync(scopes, platformDb, userId, (db, tenantId) =>
        {
            db.AuditEvents.Add(AuditEvent.Record(tenantId, action, clock.GetUtcNow().UtcDateTime, userId, userId.ToString(), details));
            return db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
    }
}
