using System.Text.Json;
using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Plans;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

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

/// <summary>The business's keys, newest first, without their secrets.</summary>
internal sealed class ListApiKeys(FormaDbContext db) : IUseCase
{
    public async Task<List<ApiKeyInfo>> RunAsync(Caller caller, CancellationToken cancellationToken)
    {
        ApiKeyAccess.Ensure(caller);
        var keys = await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);
        return keys.Select(ApiKeyInfo.From).ToList();
    }
}

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

/// <summary>Keys are a person's business, never a key's: an owner's or admin's session manages them.</summary>
internal static class ApiKeyAccess
{
    public static void Ensure(Caller caller)
    {
        if (caller.ApiKeyId is not null || !caller.ManagesEveryone)
        {
            throw DomainException.Forbidden("Only owners and admins manage API keys.");
        }
    }
}
