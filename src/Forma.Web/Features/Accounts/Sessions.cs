using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.People;
using Forma.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forma.Web.Features.Accounts;

/// <summary>Why a refresh token was turned down.</summary>
public enum RefreshOutcome
{
    Refreshed,
    Invalid,
    ReuseDetected,
}

/// <summary>
/// Starts, refreshes and ends sessions. Runs inside the tenant's scope (its queries are filtered and, on
/// PostgreSQL, bound by row-level security); the caller saves.
/// </summary>
public sealed class Sessions(AccessTokens accessTokens, IOptions<AuthOptions> options, TimeProvider clock)
{
    public async Task<SessionResponse> StartAsync(FormaDbContext db, User user, Membership membership, Guid? familyId, HttpContext http, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var value = TenantToken.New(membership.TenantId);
        var stored = RefreshToken.Issue(membership.TenantId, user.Id, membership.Id, familyId, value.Hash, now, options.Value.RefreshTokenLifetime,
            http.Connection.RemoteIpAddress?.ToString(), http.Request.Headers.UserAgent.ToString());
        db.RefreshTokens.Add(stored);
        // A business that requires a second factor of its staff lets one without it do nothing but enrol.
        var mfaSetupRequired = membership.IsStaff && !user.HasTotp
            // Find, not a query: at sign-up the business is only in the change tracker so far.
            && (await db.Tenants.FindAsync([membership.TenantId], cancellationToken))!.RequireStaffMfa;
        var access = await accessTokens.CreateAsync(new AccessTokenSubject(user.Id, membership.TenantId, membership.Id, membership.Role.ToString(), stored.FamilyId, mfaSetupRequired), cancellationToken);
        return new SessionResponse(access, value.ToString(), (int)accessTokens.Lifetime.TotalSeconds, "Bearer", membership.TenantId, user.Id, membership.Role.ToString());
    }

    /// <summary>
    /// Trades a refresh token for a new one in the same family. A token that was already used means two
    /// parties hold it — one of them a thief — so the whole family is revoked and the event audited.
    /// </summary>
    public async Task<(RefreshOutcome Outcome, SessionResponse? Session)> RefreshAsync(FormaDbContext db, TenantToken value, HttpContext http, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var hash = value.Hash;
        var token = await db.RefreshTokens.SingleOrDefaultAsync(t => t.TokenHash == hash, cancellationToken);
        if (token is null || token.RevokedAt is not null || token.ExpiresAt <= now)
        {
            return (RefreshOutcome.Invalid, null);
        }

        // Claim the token atomically: of two refreshes racing with one token, only one wins.
        var claimed = token.UsedAt is null && await db.RefreshTokens
            .Where(t => t.TenantId == token.TenantId && t.Id == token.Id && t.UsedAt == null && t.RevokedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.UsedAt, now), cancellationToken) == 1;
        if (!claimed)
        {
            await RevokeFamilyAsync(db, token.FamilyId, "reuse-detected", cancellationToken);
            db.AuditEvents.Add(AuditEvent.Record(token.TenantId, "session.refresh-reuse", now, token.UserId, token.FamilyId.ToString(),
                $$"""{"ip":"{{http.Connection.RemoteIpAddress}}"}"""));
            return (RefreshOutcome.ReuseDetected, null);
        }

        var user = await db.Users.SingleAsync(u => u.Id == token.UserId, cancellationToken);
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == token.MembershipId, cancellationToken);
        if (membership is null)
        {
            return (RefreshOutcome.Invalid, null);
        }

        return (RefreshOutcome.Refreshed, await StartAsync(db, user, membership, token.FamilyId, http, cancellationToken));
    }

    public Task<int> RevokeFamilyAsync(FormaDbContext db, Guid familyId, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.RefreshTokens
            .Where(t => t.FamilyId == familyId && t.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevokedReason, reason), cancellationToken);
    }
}
