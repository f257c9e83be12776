using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Forma.Web.Features.Billing;

public sealed record CheckoutRequest(string PriceId, Guid TenantId, string? CustomerId, string? CustomerEmail, string SuccessUrl, string CancelUrl, string IdempotencyKey);

public sealed record ProviderSession(string Id, string Url);

/// <summary>The payment provider's API as Forma uses it: start a subscription checkout, open the customer portal.</summary>
public interface IBillingProvider
{
    Task<ProviderSession> CreateCheckoutAsync(CheckoutRequest request, CancellationToken cancellationToken);

    Task<ProviderSession> CreatePortalAsync(string customerId, string returnUrl, CancellationToken cancellationToken);
}

/// <summary>The provider refused or failed; <see cref="Exception.Message"/> is its own explanation.</summary>
public sealed class BillingProviderException(string message) : Exception(message);

/// <summary>
/// Stripe's documented HTTP API (form-encoded POSTs, Bearer secret key, Idempotency-Key), over HttpClient because no
/// Stripe SDK restores here: <c>POST /v1/checkout/sessions</c> and <c>POST /v1/billing_portal/sessions</c>. The
/// checkout carries the business's id as client_reference_id and in the subscription's metadata, so the webhooks
/// that follow name the business even before its customer id is known.
/// </summary>
internal sealed class StripeBillingProvider(HttpClient http, IOptions<BillingOptions> options) : IBillingProvider
{
    public Task<ProviderSession> CreateCheckoutAsync(CheckoutRequest request, CancellationToken cancellationToken)
    {
        var form = new List<KeyValuePair<string, string>>
        {
            new("mode", "subscription"),
            new("line_items[0][price]", request.PriceId),
            new("line_items[0][quantity]", "1"),
            new("success_url", request.SuccessUrl),
            new("cancel_url", request.CancelUrl),
            new("client_reference_id", request.TenantId.ToString()),
            new("metadata[tenant_id]", request.TenantId.ToString()),
            new("subscription_data[metadata][tenant_id]", request.TenantId.ToString()),
        };
        form.Add(request.CustomerId is { } customer ? new("customer", customer) : new("customer_email", request.CustomerEmail ?? ""));
        return PostAsync("v1/checkout/sessions", form, request.IdempotencyKey, cancellationToken);
    }

    public Task<ProviderSession> CreatePortalAsync(string customerId, string returnUrl, CancellationToken cancellationToken) =>
        PostAsync("v1/billing_portal/sessions", [new("customer", customerId), new("return_url", returnUrl)], null, cancellationToken);

    private async Task<ProviderSession> PostAsync(string path, IEnumerable<KeyValuePair<string, string>> form, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrEmpty(settings.SecretKey))
        {
            throw new BillingProviderException("Online payment is not configured (Billing:SecretKey).");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(settings.ApiBase, path)) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.SecretKey);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        using var response = await http.SendAsync(request, cancellationToken);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        if (!response.IsSuccessStatusCode)
        {
            var message = body.RootElement.TryGetProperty("error", out var error) && error.TryGetProperty("message", out var text) ? text.GetString() : null;
            throw new BillingProviderException(message ?? $"The payment provider answered {(int)response.StatusCode}.");
        }

        return new ProviderSession(body.RootElement.GetProperty("id").GetString()!, body.RootElement.GetProperty("url").GetString()!);
    }
}
