using Forma.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Authorization;

namespace Forma.Web.Infrastructure.Tenancy;

/// <summary>Set when a page request came with another business's session, which was therefore set aside.</summary>
internal sealed class ForeignSession;

/// <summary>
/// Runs once the endpoint is known: a page that needs a signed-in person is refused to a browser whose session belongs
/// to another business (rather than sending it to sign in again and silently losing the other session); public pages
/// were already served to it as to anyone.
/// </summary>
internal sealed class ForeignSessionGate(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        var needsSession = endpoint?.Metadata.GetMetadata<IAuthorizeData>() is not null && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null;
        return context.Features.Get<ForeignSession>() is not null && needsSession ? RefuseAsync(context) : next(context);
    }

    public static Task RefuseAsync(HttpContext context) =>
        context.WriteProblemAsync(StatusCodes.Status403Forbidden, ProblemTypes.TenantMismatch, "This session belongs to another business.", "Switch the session to this business, or use its own address.");
}
