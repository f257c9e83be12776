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
    public Task RecordForUserAsync(FormaDbContext platformDb, Guid userId, string action, HttpContext http, CancellationToken cancellationToken) =>
        RecordForUserAsync(platformDb, userId, action, http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString(), cancellationToken);

    internal Task RecordForUserAsync(FormaDbContext platformDb, Guid userId, string action, RequestOrigin origin, CancellationToken cancellationToken) =>
        RecordForUserAsync(platformDb, userId, action, origin.Address, origin.UserAgent, cancellationToken);

    private async Task RecordForUserAsync(FormaDbContext platformDb, Guid userId, string action, string? ip, string? userAgent, CancellationToken cancellationToken)
    {
        var details = JsonSerializer.Serialize(new { ip, userAgent });
        await EveryBusiness.ForEachAsync(scopes, platformDb, userId, (db, tenantId) =>
        {
            db.AuditEvents.Add(AuditEvent.Record(tenantId, action, clock.GetUtcNow().UtcDateTime, userId, userId.ToString(), details));
            return db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);
    }
}
