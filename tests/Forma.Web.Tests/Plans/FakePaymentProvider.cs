using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Forma.Web.Tests.Plans;

/// <summary>
/// A stand-in for Stripe on loopback that speaks the parts of its HTTP API Forma calls — form-encoded
/// <c>POST /v1/checkout/sessions</c> and <c>POST /v1/billing_portal/sessions</c> behind a Bearer secret key — and
/// delivers webhooks the way Stripe does: JSON events signed in a <c>Stripe-Signature</c> header.
/// </summary>
internal sealed class FakePaymentProvider : IAsyncDisposable
{
    public const string SecretKey = "sk_test_fake_provider";
    public const string SigningSecret = "whsec_current";
    public const string OldSigningSecret = "whsec_previous";

    private readonly WebApplication app;
    private int sequence;

    public ConcurrentDictionary<string, Dictionary<string, string>> Checkouts { get; } = new();

    public Uri BaseAddress { get; }

    private FakePaymentProvider(WebApplication app, Uri baseAddress) => (this.app, BaseAddress) = (app, baseAddress);

    /// <summary>The settings that point a Forma host at this provider.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Billing:ApiBase"] = BaseAddress.ToString(),
        ["Billing:SecretKey"] = SecretKey,
        ["Billing:WebhookSecrets:0"] = SigningSecret,
        ["Billing:WebhookSecrets:1"] = OldSigningSecret,
    };

    public static async Task<FakePaymentProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        FakePaymentProvider? self = null;
        app.MapPost("/v1/checkout/sessions", async (HttpContext http) =>
        {
            if (http.Request.Headers.Authorization != "Bearer " + SecretKey)
            {
                return Results.Json(new { error = new { type = "invalid_request_error", message = "Invalid API Key provided." } }, statusCode: 401);
            }

            var form = (await http.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString());
            if (!form.ContainsKey("line_items[0][price]"))
            {
                return Results.Json(new { error = new { type = "invalid_request_error", message = "Missing required param: line_items[0][price]." } }, statusCode: 400);
            }

            var id = "cs_test_" + Interlocked.Increment(ref self!.sequence);
            self.Checkouts[id] = form;
            return Results.Json(new { id, @object = "checkout.session", url = $"https://checkout.example.test/c/pay/{id}" });
        });
        app.MapPost("/v1/billing_portal/sessions", async (HttpContext http) =>
        {
            var form = await http.Request.ReadFormAsync();
            return http.Request.Headers.Authorization != "Bearer " + SecretKey
                ? Results.Json(new { error = new { message = "Invalid API Key provided." } }, statusCode: 401)
                : Results.Json(new { id = "bps_" + form["customer"], @object = "billing_portal.session", url = $"https://billing.example.test/p/session/{form["customer"]}" });
        });
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        self = new FakePaymentProvider(app, address);
        return self;
    }

    /// <summary>An event as Stripe shapes it: id, type, created (Unix seconds) and data.object.</summary>
    public static string Event(string id, string type, DateTimeOffset created, object subject) =>
        JsonSerializer.Serialize(new { id, @object = "event", type, created = created.ToUnixTimeSeconds(), data = new { @object = subject } });

    public static object SubscriptionObject(string id, string customer, string status, string priceId, Guid tenantId, DateTimeOffset periodEnd) => new
    {
        id, @object = "subscription", customer, status, cancel_at_period_end = false, current_period_end = periodEnd.ToUnixTimeSeconds(),
        metadata = new { tenant_id = tenantId.ToString() },
        items = new { data = new[] { new { price = new { id = priceId } } } },
    };

    /// <summary>Posts a signed event to Forma's webhook, signing as Stripe does (or with another secret or time, to test refusals).</summary>
    public static async Task<HttpResponseMessage> DeliverAsync(HttpClient forma, string json, DateTimeOffset signedAt, string secret = SigningSecret)
    {
        var body = Encoding.UTF8.GetBytes(json);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/billing/webhook") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add("Stripe-Signature", $"t={signedAt.ToUnixTimeSeconds()},v1={Sign(secret, signedAt.ToUnixTimeSeconds(), json)}");
        return await forma.SendAsync(request);
    }

    /// <summary>Stripe's scheme, computed here independently of Forma's code: hex HMAC-SHA256 of "{t}.{payload}".</summary>
    public static string Sign(string secret, long timestamp, string payload) =>
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{payload}"))).ToLowerInvariant();

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
