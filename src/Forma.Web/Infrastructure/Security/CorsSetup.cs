namespace Forma.Web.Infrastructure.Security;

/// <summary>
/// Cross-origin access for browser apps on other origins, allowed only for the origins listed in
/// <c>Cors:AllowedOrigins</c> (none by default). Bearer tokens travel in a header, so no credentials mode.
/// </summary>
public static class CorsSetup
{
    public const string Policy = "configured-origins";

    public static IServiceCollection AddFormaCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        return services.AddCors(cors => cors.AddPolicy(Policy, policy => policy
            .WithOrigins(origins)
            .WithMethods("GET", "POST", "PUT", "PATCH", "DELETE")
            .WithHeaders("Authorization", "Content-Type", "Idempotency-Key")
            .WithExposedHeaders("X-Request-Id", "Retry-After")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
    }
}
