using Forma.Core;
using Forma.Core.People;
using Forma.Data;
using Forma.Web.Features.Plans;
using Forma.Web.Infrastructure.Links;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Billing;

/// <summary>The owner starts the provider's checkout for a plan; the plan changes when the provider's webhook says it was paid.</summary>
internal sealed class StartCheckout(FormaDbContext db, PlanCatalog catalog, IBillingProvider provider, PublicLinks links, CurrentBusiness business) : IUseCase
{
    public async Task<BillingRedirect> RunAsync(Caller caller, CheckoutStart start, CancellationToken cancellationToken)
    {
        if (caller.Role != Role.Owner)
        {
            throw DomainException.Forbidden("Only the owner buys a plan.");
        }

        RequestValidation.Ensure(start);
        var plan = catalog.Find(start.Plan) ?? throw DomainException.Invalid("plan", $"No plan '{start.Plan}'; see GET /api/v1/plans.");
        var priceId = start.Interval switch
        {
            "month" => plan.MonthlyPriceId,
            "year" => plan.YearlyPriceId,
            _ => throw DomainException.Invalid("interval", "Either 'month' or 'year'."),
        } ?? throw DomainException.Invalid("plan", $"The {plan.Name} plan is not sold online by the {start.Interval}.");
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == caller.TenantId, cancellationToken);
        var email = await db.Users.Where(u => u.Id == caller.UserId).Select(u => u.Email).SingleAsync(cancellationToken);
        var back = links.Base($"/t/{business.Tenant.Slug}/settings/plan");
        return await PaymentProviderCall.RedirectAsync(() => provider.CreateCheckoutAsync(
            new CheckoutRequest(priceId, tenant.Id, tenant.BillingCustomerId, email, back + "?checkout=done", back + "?checkout=cancelled", $"checkout-{tenant.Id:N}-{priceId}-{Guid.NewGuid():N}"), cancellationToken));
    }
}
