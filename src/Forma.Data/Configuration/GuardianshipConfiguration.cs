using Forma.Core.Athletes;
using Forma.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forma.Data.Configuration;

internal sealed class GuardianshipConfiguration : IEntityTypeConfiguration<Guardianship>
{
    public void Configure(EntityTypeBuilder<Guardianship> builder)
    {
        builder.ToTable("guardianships");
        builder.HasKey(g => new { g.TenantId, g.Id });
        builder.Property(g => g.Id).ValueGeneratedNever();
        builder.HasOne<Athlete>().WithMany().HasForeignKey(g => new { g.TenantId, g.AthleteId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Membership>().WithMany().HasForeignKey(g => new { g.TenantId, g.GuardianMembershipId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(g => new { g.TenantId, g.AthleteId, g.GuardianMembershipId }).IsUnique();
        builder.HasIndex(g => new { g.TenantId, g.GuardianMembershipId });
    }
}
