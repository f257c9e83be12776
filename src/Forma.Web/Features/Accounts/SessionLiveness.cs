using Forma.Data;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Accounts;

/// <summary>
/// An access token is only as alive as its session: signing out, "sign out everywhere", a revoked session,
/// a password reset, a removed membership or a changed role end it at once, not when the token's
/// 15 minutes run out. One indexed lookup (a single round trip) per authenticated request buys that. Runs after tenant
/// resolution, inside the token's business.
/// </summary>
internal sealed class SessionLivenessMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, FormaDbContext db, TimeProvider clock)
    {
        if (context.User.Identity?.IsAuthenticated != true || context.User.FindFirst(AccessTokens.SessionClaim) is null || context.Features.Get<ResolvedTenant>() is null)
        {
            await next(context);
            return;
        }

        var me = Caller.From(context.User);
        var now = clock.GetUtcNow().UtcDateTime;
        // One round trip: the membership with this role, and a live refresh token in the session's family.
        var live = await db.Memberships.AnyAsync(
            m => m.Id == me.MembershipId && m.UserId == me.UserId && m.Role == me.Role
                && db.RefreshTokens.Any(t => t.FamilyId == me.SessionId && t.RevokedAt == null && t.ExpiresAt > now),
            context.RequestAborted);
        if (live)
        {
            await next(context);
            return;
        }

        if (PageSessionAuthentication.IsPageRequest(context))
        {
            // A browser whose session ended is simply signed out: the cookie is dropped and the request goes on
            // anonymously, so a page that needs a session sends the person to sign in, and the sign-in page shows.
            PageSessionAuthentication.SignOut(context);
            context.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
            await next(context);
            return;
        }

        await context.WriteProblemAsync(StatusCodes.Status401Unauthorized, ProblemTypes.For("session-ended"), "This session has ended.", "It was signed out or revoked, or your role in this business changed. Sign in again.");
    }
}
