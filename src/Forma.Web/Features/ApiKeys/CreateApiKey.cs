using System.Text.Json;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Plans;
using Forma.Data;

namespace Forma.Web.Features.ApiKeys;

/// <summary>Owners and admins create a key with scopes and an optional expiry; the secret is in this result only.</summary>
internal sealed class CreateApiKey(FormaDbContext db, PlanGate plan, RequestOrigin origin, TimeProvider clock) : IUseCase
{
    public async Task<CreatedApiKey> RunAsync(Caller caller, CreateApiKeyRequest request, CancellationToken cancellationToken)
    {
        ApiKeyAccess.Ensure(caller);
        plan.EnsureFeature(PlanFeature.ApiKeys);
        RequestValidation.Ensure(request);
        var now = clock.GetUtcNow().UtcDateTime;
        var value = ApiKeyValue.New(caller.TenantId);
        var key = ApiKey.Create(caller.TenantId, request.Name, request.Scopes, request.ExpiresAt?.ToUniversalTime(), caller.UserId, value.Hint, value.Hash, now);
        db.ApiKeys.Add(key);
        db.AuditEvents.Add(AuditEvent.Record(caller.TenantId, "api-key.created", now, caller.UserId, key.Id.ToString(),
            JsonSerializer.Serialize(new { name = key.Name, scopes = key.ScopeList, expiresAt = key.ExpiresAt, ip = origin.Address })));
        await db.SaveChangesAsync(cancellationToken);
        return new CreatedApiKey(value.ToString(), ApiKeyInfo.From(key));
    }
}
