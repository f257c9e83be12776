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

/// <summary>
/// The caller's own sessions: see them, end one, or end all of them (HTTP adapters over <see cref="ListSessions"/>,
/// <see cref="RevokeSession"/> and <see cref="LogoutEverywhere"/>), and switching to another business they belong to.
/// </summary>
internal sealed class SessionEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Auth").RequireAuthorization().RequireTenant().AllowDuringMfaSetup()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/sessions", List).WithName("ListSessions").WithSummary("Your active sessions in this business, newest activity first");
        group.MapDelete("/sessions/{id:guid}", Revoke).WithName("RevokeSession").WithSummary("End one of your sessions").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/switch", Switch).WithName("SwitchBusiness").WithSummary("Start a session in another business you belong to; this one stays signed in")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/logout-everywhere", Everywhere).WithName("LogoutEverywhere").WithSummary("End every session of yours, in every business you belong to");
    }

    private static async Task<Ok<List<SessionInfo>>> List(ClaimsPrincipal user, ListSessions list, CancellationToken cancellationToken) =>
        TypedResults.Ok(await list.RunAsync(Caller.From(user), cancellationToken));

    private static async Task<NoContent> Revoke(Guid id, ClaimsPrincipal user, RevokeSession revoke, CancellationToken cancellationToken)
    {
        await revoke.RunAsync(Caller.From(user), id, cancellationToken);
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

    private static async Task<NoContent> Everywhere(ClaimsPrincipal user, LogoutEverywhere logout, CancellationToken cancellationToken)
    {
        await logout.RunAsync(Caller.From(user), cancellationToken);
        return TypedResults.NoContent();
    }
}
