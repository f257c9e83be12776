using System.Security.Claims;
using System.Text.Json;
using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Plans;
using Forma.Data;
using Forma.Web.Features.Accounts;
using Forma.Web.Features.Plans;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.ApiKeys;

/// <summary>Owners and admins create, list and revoke the business's API keys.</summary>
internal sealed class ApiKeyEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/api-keys").WithTags("API keys").RequireAuthorization().RequireTenant()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("", Create).RequireFeature(PlanFeature.ApiKeys).WithName("CreateApiKey").WithSummary("Create a key with scopes and an optional expiry; the secret is in this response only");
        group.MapGet("", List).WithName("ListApiKeys").WithSummary("The business's keys, newest first, without their secrets");
        group.MapDelete("/{id:guid}", Revoke).WithName("RevokeApiKey").WithSummary("Revoke a key; requests with it fail from now on");
    }

    internal static async Task<Results<Created<CreatedApiKey>, ValidationProblem, ProblemHttpResult>> Create(
        CreateApiKeyRequest request, ClaimsPrincipal user, HttpContext http, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = Caller.From(user);
        if (!me.ManagesEveryone)
        {
            return NotAllowed();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var value = ApiKeyValue.New(me.TenantId);
        ApiKey key;
        try
        {
            key = ApiKey.Create(me.TenantId, request.Name, request.Scopes, request.ExpiresAt?.ToUniversalTime(), me.UserId, value.Hint, value.Hash, now);
        }
        catch (DomainException error)
        {
            return ProblemDetailsSetup.FieldProblem(error.Field ?? "request", error.Message);
        }

        db.ApiKeys.Add(key);
        db.AuditEvents.Add(AuditEvent.Record(me.TenantId, "api-key.created", now, me.UserId, key.Id.ToString(),
            JsonSerializer.Serialize(new { name = key.Name, scopes = key.ScopeList, expiresAt = key.ExpiresAt, ip = http.Connection.RemoteIpAddress?.ToString() })));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/api-keys/{key.Id}", new CreatedApiKey(value.ToString(), ApiKeyInfo.From(key)));
    }

    internal static async Task<Results<Ok<List<ApiKeyInfo>>, ProblemHttpResult>> List(ClaimsPrincipal user, FormaDbContext db, CancellationToken cancellationToken)
    {
        if (!Caller.From(user).ManagesEveryone)
        {
            return NotAllowed();
        }

        var keys = await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(keys.Select(ApiKeyInfo.From).ToList());
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> Revoke(Guid id, ClaimsPrincipal user, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = Caller.From(user);
        if (!me.ManagesEveryone)
        {
            return NotAllowed();
        }

        var key = await db.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null)
        {
            return ProblemDetailsSetup.Problem(404, ProblemTypes.NotFound, "No such API key.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        key.Revoke(now);
        db.AuditEvents.Add(AuditEvent.Record(me.TenantId, "api-key.revoked", now, me.UserId, key.Id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NotAllowed() =>
        ProblemDetailsSetup.Problem(403, ProblemTypes.Forbidden, "Only owners and admins manage API keys.");
}
