using Forma.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forma.Data.Configuration;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("tenants");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.DisplayName).HasMaxLength(200);
        builder.Property(t => t.Slug).HasMaxLength(TenantSlug.MaxLength);
        builder.Property(t => t.Plan).HasMaxLength(40);
        builder.Property(t => t.TimeZone).HasMaxLength(64);
        builder.Property(t => t.SubscriptionPlan).HasMaxLength(40);
        builder.Property(t => t.BillingCustomerId).HasMaxLength(BillingLengths.ProviderId);
        builder.Ignore(t => t.PurgeAfter);
        builder.Ignore(t => t.PlanState);
        builder.HasIndex(t => t.Slug).IsUnique();
        // Payment events name the customer; this finds the business they belong to.
        builder.HasIndex(t => t.BillingCustomerId).IsUnique();
    }
}
