using System.Text.Json.Serialization;
using Forma.Core.People;
using Forma.Data;
using Forma.Data.BackgroundJobs;
using Forma.Web.Features.Accounts;
using Forma.Web.Features.Activities;
using Forma.Web.Features.Activities.Blobs;
using Forma.Web.Features.Analytics;
using Forma.Web.Features.ApiKeys;
using Forma.Web.Features.Billing;
using Forma.Web.Features.Demo;
using Forma.Web.Features.Health;
using Forma.Web.Features.Lifecycle;
using Forma.Web.Features.Operations;
using Forma.Web.Features.Plans;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Links;
using Forma.Web.Infrastructure.Logging;
using Forma.Web.Infrastructure.Mail;
using Forma.Web.Infrastructure.OpenApi;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Security;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Forma.Web;

/// <summary>Builds and runs the host. Tests build the same application, on a loopback port, with their own configuration.</summary>
public static class FormaApp
{
    public const string SeedDemoSwitch = "--seed-demo";
    public const string MigrateCommand = "migrate";
    private const string CredentialScheme = "Credential";

    /// <summary>
    /// <c>Forma.Web [migrate] [--seed-demo] [--Key=Value …]</c>: <c>migrate</c> applies migrations and exits;
    /// otherwise the server starts (migrating first unless <c>Database:MigrateOnStartup</c> is false).
    /// </summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var migrateOnly = args.Contains(MigrateCommand, StringComparer.Ordinal);
        var app = Build(args.Where(a => a != MigrateCommand).ToArray());
        if (migrateOnly)
        {
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
            return 0;
        }

        await PrepareAsync(app);
        await app.RunAsync();
        return 0;
    }

    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var seedDemo = args.Contains(SeedDemoSwitch, StringComparer.Ordinal);
        // The pages' scripts and styles are copied beside the binaries at build time (see Forma.Web.csproj).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args.Where(a => a != SeedDemoSwitch).ToArray(),
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        if (seedDemo)
        {
            builder.Configuration["Demo:Seed"] = "true";
        }

        // The plans on sale ship beside the app; every later source (appsettings, environment) may override them.
        builder.Configuration.Sources.Insert(0, new JsonConfigurationSource
        {
            Path = "plans.json", Optional = false, FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
        });
        builder.Logging.AddFormaLogging();
        configure?.Invoke(builder);
        ConfigureServices(builder);
        var app = builder.Build();
        ConfigurePipeline(app);
        return app;
    }

    /// <summary>Migrates (as the schema owner) and seeds the demo when asked, before the first request is served.</summary>
    public static async Task PrepareAsync(WebApplication app)
    {
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
        {
            await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync();
        }

        if (app.Configuration.GetValue<bool>("Demo:Seed"))
        {
            var logins = await app.Services.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None);
            DemoBanner.Print(logins, app.Configuration["Urls"]);
        }
    }

    private static void ConfigureServices(WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddFormaData(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddFormaMail(builder.Configuration, builder.Environment.ContentRootPath);
        services.Configure<TenancyOptions>(builder.Configuration.GetSection(TenancyOptions.Section));
        services.AddSingleton<TenantDirectory>();
        services.Configure<OperationsOptions>(builder.Configuration.GetSection(OperationsOptions.Section));
        // Enums travel as their names ("DeadLettered"), which clients can read and which survive reordering; a
        // number in their place ("sex": 99) is refused, as the OpenAPI document lists only the names. Numbers are
        // plain JSON numbers: no "NaN"/"Infinity" in either direction (an open-ended value is null instead).
        // A quoted number is refused too: reading "12" would also read "NaN", and the document would declare number|string.
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        // A body or parameter that cannot be read reaches FormaExceptionHandler, which names the field in the 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddFormaProblemDetails();
        // Request records declare their shape with data annotations; invalid requests get a 400 with 'errors'.
        services.AddValidation();
        services.AddFormaOpenApi();
        services.AddFormaCors(builder.Configuration);
        services.AddTrustedProxies(builder.Configuration);
        services.AddRequestSizeLimits();
        // A year, subdomains included: every tenant lives on a subdomain of the same base domain.
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        services.AddHealthChecks()
            .AddCheck<DatabaseReadyCheck>("database", tags: [HealthEndpoints.ReadyTag])
            .AddCheck<RowLevelSecurityCheck>("row-level-security", tags: [HealthEndpoints.ReadyTag]);

        services.Configure<AuthOptions>(builder.Configuration.GetSection(AuthOptions.Section));
        services.AddSingleton<SigningKeys>();
        services.AddSingleton<AccessTokens>();
        services.AddScoped<Sessions>();
        services.AddSingleton<SecurityAudit>();
        services.AddSingleton<TwoFactor>();
        services.AddSingleton<CredentialCheck>();
        services.Configure<AccountRateLimitOptions>(builder.Configuration.GetSection(AccountRateLimitOptions.Section));
        services.AddSingleton<AccountRateLimiter>();
        services.Configure<AppOptions>(builder.Configuration.GetSection(AppOptions.Section));
        services.AddSingleton<PublicLinks>();
        services.AddSingleton<AccountEmails>();
        services.AddJobHandler<PasswordResetRequested, PasswordResetRequestedHandler>();
        services.AddJobHandler<PurgeClosedTenant, PurgeClosedTenantHandler>();
        services.Configure<ImportOptions>(builder.Configuration.GetSection(ImportOptions.Section));
        services.AddJobHandler<ParseImportedFile, ParseImportedFileHandler>();
        services.AddJobHandler<CollectBlobs, CollectBlobsHandler>();
        services.AddRecurringJob("blobs.collect", "0 15 4 * * ?", "UTC", new CollectBlobs());
        services.AddJobHandler<AnalyzeActivity, AnalyzeActivityHandler>();
        services.AddJobHandler<RefreshAthleteAnalytics, RefreshAthleteAnalyticsHandler>();
        services.AddJobHandler<ReanalyzeAthlete, ReanalyzeAthleteHandler>();
        services.AddJobHandler<Features.Booking.SendBookingReminder, Features.Booking.SendBookingReminderHandler>();
        services.AddJobHandler<WarnTrialEnding, WarnTrialEndingHandler>();
        services.AddAuthRateLimits(builder.Configuration);
        // One default scheme that hands API keys (fma_…) to their handler and everything else to access tokens.
        services.AddAuthentication(CredentialScheme)
            .AddPolicyScheme(CredentialScheme, "Access token, API key or page session", o => o.ForwardDefaultSelector = SelectScheme)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthentication>(AccessTokenAuthentication.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, PageSessionAuthentication>(PageSessionAuthentication.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, OperatorKeyAuthentication>(OperatorKeyAuthentication.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddApiAccessPolicies()
            .AddPolicy(OperatorKeyAuthentication.Policy, policy => policy
                .AddAuthenticationSchemes(OperatorKeyAuthentication.SchemeName)
                .RequireRole(OperatorKeyAuthentication.Policy));

        services.Configure<PasswordHasherOptions>(o => o.IterationCount = PasswordHashing.Iterations);
        services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddSingleton<PasswordHashing>();
        services.AddSingleton<DemoSeeder>();
        services.AddHttpContextAccessor();
        services.AddSingleton<PlanCatalog>();
        services.AddRazorComponents();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "forma_antiforgery";
            // The framework's default never marks it Secure; on HTTPS (directly or from a trusted proxy) it must be.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        // The application layer: every use case, the business it runs for and the plan it is gated by.
        services.AddUseCases();
        services.AddScoped<CurrentBusiness>();
        services.AddScoped<RequestOrigin>();
        services.AddScoped<PlanGate>();
        services.Configure<BillingOptions>(builder.Configuration.GetSection(BillingOptions.Section));
        services.AddScoped(sp => new SubscriptionSync(sp.GetRequiredService<FormaDbContext>(), sp.GetRequiredService<PlanCatalog>(), sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<BillingOptions>>().Value));
        services.AddHttpClient<IBillingProvider, StripeBillingProvider>(client => client.Timeout = TimeSpan.FromSeconds(20));
    }

    /// <summary>
    /// API keys go to their handler and a bearer token to the access-token handler; a browser (no Authorization
    /// header) is judged by its page-session cookie, and its sign-in challenge is a redirect rather than a 401.
    /// </summary>
    private static string SelectScheme(HttpContext context)
    {
        if (ApiKeyAuthentication.KeyIn(context.Request) is not null)
        {
            return ApiKeyAuthentication.SchemeName;
        }

        var browser = context.Request.Headers.Authorization.Count == 0
            && (context.Request.Cookies.ContainsKey(PageSessionAuthentication.CookieName) || !ApiPaths.Matches(context.Request));
        return browser ? PageSessionAuthentication.SchemeName : AccessTokenAuthentication.SchemeName;
    }

    private static void ConfigurePipeline(WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseRequestIdHeader();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            // Only on HTTPS, so behind a TLS-terminating proxy it depends on X-Forwarded-Proto from a trusted proxy.
            app.UseHsts();
        }

        app.UseHostFreeRedirects();
        app.UseRequestSizeLimits();

        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // Scripts, styles and icons are public and tenant-free: served before any authentication or tenant lookup.
        app.UseStaticFiles();
        app.UseAuthentication();
        // Tenant resolution strips a /t/{slug} prefix, so routing must come after it.
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseMiddleware<SessionLivenessMiddleware>();
        app.UseMiddleware<ApiCallMetering>();
        app.UseRouting();
        app.UseMiddleware<ForeignSessionGate>();
        app.UseCors(CorsSetup.Policy);
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseMiddleware<MfaSetupGate>();
        app.UseAntiforgery();
        app.UseAntiforgeryRefusal();
        app.MapFormaOpenApi();
        app.MapEndpointGroups();
        app.MapRazorComponents<Pages.App>();
    }
}
