using Forma.Core.Accounts;
using Forma.Core.Athletes;
using Forma.Core.People;
using Forma.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forma.Data.Configuration;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.ToTable("invitations");
        builder.HasKey(i => new { i.TenantId, i.Id });
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Email).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(i => i.TokenHash).HasMaxLength(SecretHash.HashLength);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(i => i.TenantId).OnDelete(DeleteBehavior.Restrict);
        // An invitation goes with the athlete it names and with the membership of whoever sent it.
        builder.HasOne<Athlete>().WithMany().HasForeignKey(i => new { i.TenantId, i.AthleteId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Membership>().WithMany().HasForeignKey(i => new { i.TenantId, i.InvitedByMembershipId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(i => new { i.TenantId, i.TokenHash }).IsUnique();
        builder.HasIndex(i => new { i.TenantId, i.Email });
    }
}
