using System.Security.Claims;
using Forma.Core.Audit;
using Forma.Core.Tenancy;
using Forma.Data;
using Forma.Data.Accounts;
using Forma.Data.Tenancy;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Accounts;

/// <summary>One signed-in device or browser: a refresh-token family with a live token.</summary>
public sealed record SessionInfo(Guid Id, DateTime StartedAt, DateTime LastSeenAt, string? IpAddress, string? UserAgent, bool Current);

/// <summary>The caller's own sessions: see them, end one, or end all of them.</summary>
internal sealed class SessionEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Auth").RequireAuthorization().RequireTenant().AllowDuringMfaSetup()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/sessions", List).WithName("ListSessions").WithSummary("Your active sessions in this business, newest activity first");
        group.MapDelete("/sessions/{id:guid}", Revoke).WithName("RevokeSession").WithSummary("End one of your sessions");
        group.MapPost("/switch", Switch).WithName("SwitchBusiness").WithSummary("Start a session in another business you belong to; this one stays signed in")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/logout-everywhere", LogoutEverywhere).WithName("LogoutEverywhere").WithSummary("End every session of yours, in every business you belong to");
    }

    internal static async Task<Ok<List<SessionInfo>>> List(ClaimsPrincipal user, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = Caller.From(user);
        var now = clock.GetUtcNow().UtcDateTime;
        var live = await db.RefreshTokens.AsNoTracking()
            .Where(t => t.UserId == me.UserId && t.UsedAt == null && t.RevokedAt == null && t.ExpiresAt > now)
            .ToListAsync(cancellationToken);
        var families = live.Select(t => t.FamilyId).ToList();
        var started = await db.RefreshTokens.AsNoTracking().Where(t => families.Contains(t.FamilyId))
            .GroupBy(t => t.FamilyId).Select(g => new { Family = g.Key, Started = g.Min(t => t.CreatedAt) })
            .ToDictionaryAsync(x => x.Family, x => x.Started, cancellationToken);
        var sessions = live
            .Select(t => new SessionInfo(t.FamilyId, started[t.FamilyId], t.CreatedAt, t.IpAddress, t.UserAgent, t.FamilyId == me.SessionId))
            .OrderByDescending(s => s.LastSeenAt)
            .ToList();
        return TypedResults.Ok(sessions);
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> Revoke(Guid id, ClaimsPrincipal user, FormaDbContext db, Sessions sessions, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = Caller.From(user);
        if (!await db.RefreshTokens.AnyAsync(t => t.FamilyId == id && t.UserId == me.UserId, cancellationToken))
        {
            return ProblemDetailsSetup.Problem(404, ProblemTypes.NotFound, "No such session.");
        }

        await sessions.RevokeFamilyAsync(db, id, "revoked-by-user", cancellationToken);
        db.AuditEvents.Add(AuditEvent.Record(me.TenantId, "session.revoked", clock.GetUtcNow().UtcDateTime, me.UserId, id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> Switch(
        SwitchRequest request, ClaimsPrincipal principal, HttpContext http, FormaDbContext db, IServiceScopeFactory scopes, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = Caller.From(principal);
        var target = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Slug == request.Tenant && t.Status == TenantStatus.Active, cancellationToken);
        var memberOf = await MembershipLookup.TenantsOfAsync(db, me.UserId, cancellationToken);
        if (target is null || !memberOf.Contains(target.Id))
        {
            // The same answer whether the business does not exist or the person is not in it.
            return ProblemDetailsSetup.Problem(404, ProblemTypes.TenantNotFound, "You do not belong to a business at that address.");
        }

        // The new session lives in the other business, so it is written in that business's scope.
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(target.Id);
        var targetDb = scope.ServiceProvider.GetRequiredService<FormaDbContext>();
        var user = await targetDb.Users.SingleAsync(u => u.Id == me.UserId, cancellationToken);
        var membership = await targetDb.Memberships.SingleAsync(m => m.UserId == me.UserId, cancellationToken);
        var session = await scope.ServiceProvider.GetRequiredService<Sessions>().StartAsync(targetDb, user, membership, null, http, cancellationToken);
        targetDb.AuditEvents.Add(AuditEvent.Record(target.Id, "session.switched-in", clock.GetUtcNow().UtcDateTime, me.UserId, me.TenantId.ToString()));
        await targetDb.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(session);
    }

    internal static async Task<NoContent> LogoutEverywhere(ClaimsPrincipal user, FormaDbContext db, IServiceScopeFactory scopes, TimeProvider clock, CancellationToken cancellationToken)
    {
        await EveryBusiness.EndSessionsAsync(scopes, db, Caller.From(user).UserId, "signed-out-everywhere", null, clock.GetUtcNow().UtcDateTime, cancellationToken);
        return TypedResults.NoContent();
    }
}
