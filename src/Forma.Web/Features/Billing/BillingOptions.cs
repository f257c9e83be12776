namespace Forma.Web.Features.Billing;

/// <summary>The payment provider (Stripe's HTTP API and webhook signatures), from configuration section <c>Billing</c>.</summary>
public sealed class BillingOptions
{
    public const string Section = "Billing";

    /// <summary>The provider's API; tests point it at a fake on loopback.</summary>
    public Uri ApiBase { get; set; } = new("https://api.stripe.com/");

    /// <summary>The secret API key (sk_…); empty disables checkout and the portal.</summary>
    public string SecretKey { get; set; } = "";

    /// <summary>Webhook signing secrets (whsec_…). Several while one is being rotated: a signature by any of them is accepted.</summary>
    public List<string> WebhookSecrets { get; set; } = [];

    /// <summary>How old a signed webhook may be (Stripe's default tolerance is five minutes).</summary>
    public int SignatureToleranceSeconds { get; set; } = 300;

    /// <summary>How long a subscription whose payment failed keeps its plan before the business falls to Free.</summary>
    public int PaymentGraceDays { get; set; } = 7;
}
