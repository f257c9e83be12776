using Forma.Core;

namespace Forma.Web.Features.Billing;

/// <summary>The provider's pages are reached over the network: a failure there is the provider's (502), not the caller's.</summary>
internal static class PaymentProviderCall
{
    public static async Task<BillingRedirect> RedirectAsync(Func<Task<ProviderSession>> call)
    {
        try
        {
            return new BillingRedirect((await call()).Url);
        }
        catch (Exception e) when (e is BillingProviderException or HttpRequestException or TaskCanceledException)
        {
            throw new DomainException(RefusalKind.Upstream, "payment-provider", "The payment provider could not be reached or refused.", e.Message);
        }
    }
}
