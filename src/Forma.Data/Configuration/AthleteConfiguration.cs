using Forma.Core.Athletes;
using Forma.Core.People;
using Forma.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forma.Data.Configuration;

internal sealed class AthleteConfiguration : IEntityTypeConfiguration<Athlete>
{
    public void Configure(EntityTypeBuilder<Athlete> builder)
    {
        builder.ToTable("athletes");
        builder.HasKey(a => new { a.TenantId, a.Id });
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.FirstName).HasMaxLength(Athlete.NameMaxLength);
        builder.Property(a => a.LastName).HasMaxLength(Athlete.NameMaxLength);
        builder.Property(a => a.Email).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(a => a.TimeZone).HasMaxLength(64);
        builder.Property(a => a.Notes).HasMaxLength(Athlete.NotesMaxLength);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(a => a.TenantId).OnDelete(DeleteBehavior.Restrict);
        // Restrict rather than SetNull: setting the key null would also null the shared tenant_id column.
        builder.HasOne<Membership>().WithMany().HasForeignKey(a => new { a.TenantId, a.CoachMembershipId }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.TenantId, a.LastName, a.FirstName });
    }
}
