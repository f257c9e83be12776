using Forma.Web.Infrastructure.Problems;

namespace Forma.Web.Features.Accounts;

/// <summary>Marks an endpoint a person may use while their business waits for them to set up a second factor.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
internal sealed class AllowDuringMfaSetupAttribute : Attribute;

internal static class MfaSetupGateExtensions
{
    public static TBuilder AllowDuringMfaSetup<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AllowDuringMfaSetupAttribute());
}

/// <summary>
/// Enforces a business's "staff must use a second factor" rule: a session whose token says the person has
/// not set one up reaches only the endpoints marked <see cref="AllowDuringMfaSetupAttribute"/> (enrolling,
/// signing out, their own account) and gets 403 <c>mfa-setup-required</c> everywhere else.
/// </summary>
internal sealed class MfaSetupGate(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.User.HasClaim(AccessTokens.MfaSetupRequiredClaim, "true")
            && context.GetEndpoint()?.Metadata.GetMetadata<AllowDuringMfaSetupAttribute>() is null)
        {
            if (PageSessionAuthentication.IsPageRequest(context))
            {
                context.Response.Redirect($"{context.Request.PathBase}/app/settings/security");
                return;
            }

            await context.WriteProblemAsync(StatusCodes.Status403Forbidden, ProblemTypes.For("mfa-setup-required"), "This business requires a second factor.", "Set up an authenticator app (POST /api/v1/auth/mfa/totp, then /confirm), then refresh your session.");
            return;
        }

        await next(context);
    }
}
