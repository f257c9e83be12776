using Forma.Core;
using Forma.Core.Audit;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.ApiKeys;

/// <summary>Revokes a key; requests with it fail from now on.</summary>
internal sealed class RevokeApiKey(FormaDbContext db, TimeProvider clock) : IUseCase
{
    public async Task RunAsync(Caller caller, Guid keyId, CancellationToken cancellationToken)
    {
        ApiKeyAccess.Ensure(caller);
        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == keyId, cancellationToken) ?? throw DomainException.NotFound("API key");
        var now = clock.GetUtcNow().UtcDateTime;
        key.Revoke(now);
        db.AuditEvents.Add(AuditEvent.Record(caller.TenantId, "api-key.revoked", now, caller.UserId, key.Id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
    }
}
