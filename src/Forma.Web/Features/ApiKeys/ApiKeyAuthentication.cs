using System.Security.Claims;
using System.Text.Encodings.Web;
using Forma.Core.People;
using Forma.Data;
using Forma.Data.Tenancy;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forma.Web.Features.ApiKeys;

/// <summary>
/// Reads an API key from <c>Authorization: Bearer fma_…</c> or <c>X-Api-Key</c>. The principal carries the
/// key's business and scopes, no person and no session, so endpoints for people refuse it; endpoints
/// open to integrations say which scope they need (<see cref="ApiAccess"/>). A revoked, expired or unknown
/// key fails authentication (401).
/// </summary>
internal sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IServiceScopeFactory scopes,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string KeyIdClaim = "forma:api_key_id";
    public const string ScopeClaim = "scope";
    public const string CreatedByClaim = "forma:created_by";

    /// <summary>Last-used times are written at most this often per key, so a busy integration does not turn every read into a write.</summary>
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    public static string? KeyIn(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && ApiKeyValue.LooksLikeKey(header["Bearer ".Length..].Trim()))
        {
            return header["Bearer ".Length..].Trim();
        }

        return request.Headers.TryGetValue(HeaderName, out var key) ? key.ToString().Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (KeyIn(Request) is not { } presented)
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiKeyValue.TryParse(presented, out var value))
        {
            return AuthenticateResult.Fail("The API key is malformed.");
        }

        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(value.TenantId);
        var db = scope.ServiceProvider.GetRequiredService<FormaDbContext>();
        var hash = value.Hash;
        var key = await db.ApiKeys.AsNoTracking().SingleOrDefaultAsync(k => k.SecretHash == hash, Context.RequestAborted);
        var now = clock.GetUtcNow().UtcDateTime;
        if (key is null || !key.IsActiveAt(now))
        {
            return AuthenticateResult.Fail("The API key is unknown, revoked or expired.");
        }

        // A key acts as an admin would, so it lasts only while the person who made it still manages the business.
        if (!await db.Memberships.AnyAsync(m => m.UserId == key.CreatedByUserId && (m.Role == Role.Owner || m.Role == Role.Admin), Context.RequestAborted))
        {
            return AuthenticateResult.Fail("The person who created this API key no longer manages the business.");
        }

        if (key.LastUsedAt is null || key.LastUsedAt < now - LastUsedResolution)
        {
            await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(set => set.SetProperty(k => k.LastUsedAt, now), Context.RequestAborted);
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(FormaClaims.TenantId, key.TenantId.ToString()),
                new Claim(KeyIdClaim, key.Id.ToString()),
                new Claim(CreatedByClaim, key.CreatedByUserId.ToString()),
                .. key.ScopeList.Select(s => new Claim(ScopeClaim, s)),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
