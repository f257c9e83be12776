using Forma.Core.Billing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forma.Data.Configuration;

internal static class BillingLengths
{
    /// <summary>Provider ids (cus_…, sub_…, price_…, evt_…) are short; Stripe documents up to 255 characters.</summary>
    public const int ProviderId = 255;
    public const int Status = 40;
}

internal sealed class UsageCounterConfiguration : IEntityTypeConfiguration<UsageCounter>
{
    public void Configure(EntityTypeBuilder<UsageCounter> builder)
    {
        builder.ToTable("usage_counters");
        builder.HasKey(c => new { c.TenantId, c.Metric, c.PeriodStart });
    }
}

internal sealed class UsageEventConfiguration : IEntityTypeConfiguration<UsageEvent>
{
    public void Configure(EntityTypeBuilder<UsageEvent> builder)
    {
        builder.ToTable("usage_events");
        builder.HasKey(e => new { e.TenantId, e.Id });
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Currency).HasMaxLength(3);
        builder.Property(e => e.Detail).HasMaxLength(UsageEvent.DetailMaxLength);
        builder.HasIndex(e => new { e.TenantId, e.RecordedAt });
    }
}

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> builder)
    {
        builder.ToTable("subscriptions");
        builder.HasKey(s => new { s.TenantId, s.ProviderId });
        builder.Property(s => s.ProviderId).HasMaxLength(BillingLengths.ProviderId);
        builder.Property(s => s.CustomerId).HasMaxLength(BillingLengths.ProviderId);
        builder.Property(s => s.Status).HasMaxLength(BillingLengths.Status);
        builder.Property(s => s.PriceId).HasMaxLength(BillingLengths.ProviderId);
        builder.Property(s => s.Plan).HasMaxLength(40);
        builder.Ignore(s => s.Stands);
    }
}

internal sealed class BillingEventConfiguration : IEntityTypeConfiguration<BillingEvent>
{
    public void Configure(EntityTypeBuilder<BillingEvent> builder)
    {
        builder.ToTable("billing_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Id).HasMaxLength(BillingLengths.ProviderId);
        builder.Property(e => e.Type).HasMaxLength(100);
        builder.Property(e => e.Outcome).HasMaxLength(BillingEvent.OutcomeMaxLength);
        builder.HasIndex(e => e.ReceivedAt);
    }
}
