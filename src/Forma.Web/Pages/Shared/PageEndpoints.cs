using Forma.Web.Features.Accounts;
using Forma.Web.Infrastructure.Endpoints;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;

namespace Forma.Web.Pages.Shared;

/// <summary>The pages' form posts that render nothing themselves: signing out and the display preferences.</summary>
internal sealed class PageEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        // The antiforgery middleware only records its verdict (minimal APIs act on it when binding form fields), so
        // these posts, which bind almost nothing, check it themselves: a cross-site form carries the cookie, not the token.
        var pages = app.MapGroup("").ExcludeFromDescription().WithMetadata(new RequireAntiforgeryTokenAttribute())
            .AddEndpointFilter(async (context, next) =>
                context.HttpContext.Features.Get<IAntiforgeryValidationFeature>() is { IsValid: false }
                    ? Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "This form has expired or did not come from this site.", detail: "Reload the page and try again.")
                    : await next(context));
        pages.MapPost("/signout", SignOut).AllowDuringMfaSetup();
        pages.MapPost("/preferences", SavePreferences).AllowDuringMfaSetup();
    }

    /// <summary>Ends the session like POST /api/v1/auth/logout (its tokens stop working everywhere) and forgets the cookie.</summary>
    private static async Task<IResult> SignOut(HttpContext http, LogOut logOut)
    {
        if (http.User.Identity?.AuthenticationType == PageSessionAuthentication.SchemeName)
        {
            await logOut.RunAsync(Caller.From(http.User), http.RequestAborted);
        }

        PageSessionAuthentication.SignOut(http);
        return Results.Redirect($"{http.Request.PathBase}/signin");
    }

    /// <summary>Units and time zone: on the person when signed in (they follow them to other devices), and in this browser.</summary>
    private static async Task<IResult> SavePreferences(HttpContext http, SaveDisplayPreferences save, [FromForm] string? units, [FromForm] string? timeZone, [FromForm] string? returnUrl)
    {
        var imperial = units == "imperial";
        if (http.User.Identity?.AuthenticationType == PageSessionAuthentication.SchemeName)
        {
            var saved = await save.RunAsync(Caller.From(http.User), imperial, timeZone, http.RequestAborted);
            (imperial, timeZone) = (saved.Imperial, saved.TimeZone);
        }

        DisplayPreferences.WriteCookies(http, imperial, timeZone);

        return Results.Redirect(LocalUrl.OrDefault(returnUrl, $"{http.Request.PathBase}/app/settings"));
    }
}
