using Forma.Core.Accounts;
using Forma.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forma.Data.Configuration;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.HasKey(k => new { k.TenantId, k.Id });
        builder.Property(k => k.Id).ValueGeneratedNever();
        builder.Property(k => k.Name).HasMaxLength(ApiKey.NameMaxLength);
        builder.Property(k => k.Hint).HasMaxLength(12);
        builder.Property(k => k.SecretHash).HasMaxLength(SecretHash.HashLength);
        builder.Property(k => k.Scopes).HasMaxLength(500);
        builder.Ignore(k => k.ScopeList);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(k => k.TenantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(k => new { k.TenantId, k.SecretHash }).IsUnique();
    }
}
