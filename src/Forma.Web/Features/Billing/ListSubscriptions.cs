using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Billing;

/// <summary>The business's subscriptions as the provider last reported them, for owners and admins.</summary>
internal sealed class ListSubscriptions(FormaDbContext db) : IUseCase
{
    public async Task<List<SubscriptionView>> RunAsync(Caller caller, CancellationToken cancellationToken)
    {
        caller.RequireManager("Only owners and admins see billing.");
        var subscriptions = await db.Subscriptions.AsNoTracking().OrderByDescending(s => s.UpdatedAt).ToListAsync(cancellationToken);
        return subscriptions.Select(s => new SubscriptionView(s.ProviderId, s.Status, s.Plan, s.CurrentPeriodEnd, s.CancelAtPeriodEnd, s.PaymentFailedAt)).ToList();
    }
}
