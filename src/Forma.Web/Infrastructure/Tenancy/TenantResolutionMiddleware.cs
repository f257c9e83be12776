using Forma.Core.Tenancy;
using Forma.Data;
using Forma.Data.Tenancy;
using Forma.Web.Features.Accounts;
using Forma.Web.Infrastructure.Problems;
using Microsoft.Extensions.Options;

namespace Forma.Web.Infrastructure.Tenancy;

/// <summary>
/// Decides which tenant a request acts for and enters it into the request's <see cref="TenantScope"/>,
/// which every query filter and the PostgreSQL session setting read. The authenticated principal wins
/// (the API); otherwise a <c>/t/{slug}</c> prefix (stripped into PathBase, so routes need not repeat
/// it) or the subdomain names it (pages). A principal whose tenant differs from the one the URL names
/// is refused outright rather than silently preferring either.
/// </summary>
internal sealed partial class TenantResolutionMiddleware(RequestDelegate next, IOptions<TenancyOptions> options, TenantDirectory directory, ILogger<TenantResolutionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context, FormaDbContext db, TenantScope scope)
    {
        var fromPrincipal = TenantRequestParser.FromPrincipal(context.User);
        string? slug = null;
        var source = TenantSource.Principal;
        var hasHostSlug = TenantRequestParser.TryFromHost(context.Request.Host.Host, options.Value.BaseDomain, out var hostSlug);
        if (TenantRequestParser.TryFromPath(context.Request.Path, out var pathSlug, out var remaining))
        {
            if (hasHostSlug && hostSlug != pathSlug)
            {
                // acme.forma.app/t/other/… would serve one business's pages under another's origin.
                await context.WriteProblemAsync(StatusCodes.Status403Forbidden, ProblemTypes.TenantMismatch, "The address names two businesses.", "Use either the business's subdomain or its /t/{slug} path, not both.");
                return;
            }

            slug = pathSlug;
            source = TenantSource.PathPrefix;
            context.Request.PathBase = context.Request.PathBase.Add(new PathString($"{TenantRequestParser.PathPrefix}/{pathSlug}"));
            context.Request.Path = remaining;
        }
        else if (hasHostSlug)
        {
            slug = hostSlug;
            source = TenantSource.Subdomain;
        }

        if (fromPrincipal is null && slug is null)
        {
            await next(context);
            return;
        }

        var tenant = fromPrincipal is { } id
            ? await directory.FindByIdAsync(db, id, context.RequestAborted)
            : await directory.FindBySlugAsync(db, slug!, context.RequestAborted);

        if (fromPrincipal is not null && slug is not null && tenant is not null && !string.Equals(slug, tenant.Slug, StringComparison.Ordinal)
            && PageSessionAuthentication.IsPageRequest(context))
        {
            // A browser signed in to one business may still open another's public pages (its booking page): the
            // session does not count there, and ForeignSessionGate refuses the pages that need one.
            context.Features.Set(new ForeignSession());
            context.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
            fromPrincipal = null;
            tenant = await directory.FindBySlugAsync(db, slug, context.RequestAborted);
        }

        if (tenant is null || tenant.Status == TenantStatus.Closed)
        {
            await context.WriteProblemAsync(StatusCodes.Status404NotFound, ProblemTypes.TenantNotFound, "No such business.", $"Nothing is registered at '{slug ?? fromPrincipal.ToString()}'.");
            return;
        }

        if (fromPrincipal is not null && slug is not null && !string.Equals(slug, tenant.Slug, StringComparison.Ordinal))
        {
            await ForeignSessionGate.RefuseAsync(context);
            return;
        }

        if (tenant.Status == TenantStatus.Suspended)
        {
            await context.WriteProblemAsync(StatusCodes.Status403Forbidden, ProblemTypes.TenantSuspended, "This business is suspended.", "Its owner can contact support to restore access.");
            return;
        }

        scope.Enter(tenant.Id);
        context.Features.Set(new ResolvedTenant(tenant.Id, tenant.Slug, tenant.DisplayName, tenant.TimeZone, fromPrincipal is null ? source : TenantSource.Principal, tenant.Plan));
        using (logger.BeginScope(new Dictionary<string, object> { ["TenantId"] = tenant.Id }))
        {
            await next(context);
        }
    }
}
