using Forma.Core;
using Forma.Core.People;
using Forma.Data;
using Forma.Web.Infrastructure.Links;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Billing;

/// <summary>The owner opens the provider's customer portal (invoices, card, cancellation), once something was bought.</summary>
internal sealed class OpenBillingPortal(FormaDbContext db, IBillingProvider provider, PublicLinks links, CurrentBusiness business) : IUseCase
{
    public async Task<BillingRedirect> RunAsync(Caller caller, CancellationToken cancellationToken)
    {
        if (caller.Role != Role.Owner)
        {
            throw DomainException.Forbidden("Only the owner manages billing.");
        }

        var customer = await db.Tenants.Where(t => t.Id == caller.TenantId).Select(t => t.BillingCustomerId).SingleAsync(cancellationToken)
            ?? throw DomainException.Conflict("conflict", "Nothing has been bought yet.", "Start a checkout first.");
        return await PaymentProviderCall.RedirectAsync(() => provider.CreatePortalAsync(customer, links.Base($"/t/{business.Tenant.Slug}/settings/plan"), cancellationToken));
    }
}
