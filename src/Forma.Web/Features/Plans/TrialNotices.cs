using System.Globalization;
using Forma.Core.People;
using Forma.Data;
using Forma.Data.BackgroundJobs;
using Forma.Web.Infrastructure.Links;
using Forma.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Plans;

/// <summary>A warning that the business's trial ends soon, due <see cref="DaysLeft"/> days before <see cref="TrialEndsAt"/>.</summary>
public sealed record WarnTrialEnding(int DaysLeft, DateTime TrialEndsAt) : IJobPayload
{
    public static string JobType => "plans.trial-warning";
}

/// <summary>
/// Trial warnings through the outbox: queued with the sign-up (same transaction), due 3 days and 1 day before the
/// trial ends. A warning finds the business again when it runs and stays silent if the trial moved or a
/// subscription started meanwhile; otherwise every owner gets an email.
/// </summary>
internal static class TrialNotices
{
    public static readonly int[] WarningDays = [3, 1];

    public static void Schedule(FormaDbContext db, DateTime trialEndsAt, DateTime now)
    {
        foreach (var days in WarningDays)
        {
            var due = trialEndsAt.AddDays(-days);
            if (due > now)
            {
                db.Enqueue(new WarnTrialEnding(days, trialEndsAt), now, runAt: due);
            }
        }
    }
}

internal sealed class WarnTrialEndingHandler(PublicLinks links, TimeProvider clock) : IJobHandler<WarnTrialEnding>
{
    public async Task HandleAsync(WarnTrialEnding payload, JobContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var tenant = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == context.TenantId, cancellationToken);
        if (tenant is null || tenant.TrialEndsAt != payload.TrialEndsAt || tenant.SubscriptionPlan is not null)
        {
            return; // closed, trial changed, or already paying
        }

        var owners = await db.Memberships.Where(m => m.Role == Role.Owner).Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.Email, u.FirstName }).ToListAsync(cancellationToken);
        var link = links.Base($"/t/{tenant.Slug}/settings/plan");
        var when = payload.DaysLeft == 1 ? "tomorrow" : $"in {payload.DaysLeft} days";
        foreach (var owner in owners)
        {
            db.EnqueueEmail(new EmailMessage(owner.Email, $"Your Forma trial ends {when}",
                string.Create(CultureInfo.InvariantCulture, $"""
                Hello {owner.FirstName},

                The trial of {tenant.DisplayName} ends {when}, on {payload.TrialEndsAt:yyyy-MM-dd HH:mm} UTC. Afterwards the business moves
                to the Free plan: nothing is deleted, but features and limits beyond Free pause until you choose a plan.

                Choose a plan: {link}
                """), Link: link), clock.GetUtcNow().UtcDateTime);
        }
    }
}
