using Forma.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Antiforgery;

namespace Forma.Web.Infrastructure.Security;

/// <summary>
/// UseAntiforgery only records a failed check; each kind of endpoint then refuses in its own way (page endpoints
/// write a bare text/html sentence). Refusing here, right after the check, gives every form the same 400:
/// problem details for API callers, a readable page for a browser.
/// </summary>
public static class AntiforgeryRefusal
{
    public static IApplicationBuilder UseAntiforgeryRefusal(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false })
            {
                await context.WriteProblemAsync(StatusCodes.Status400BadRequest, ProblemTypes.For("antiforgery-rejected"), "The form could not be accepted.",
                    "It was not sent from this site's own page, or the page was open too long. Reload the page and submit it again.");
                return;
            }

            await next(context);
        });
}
