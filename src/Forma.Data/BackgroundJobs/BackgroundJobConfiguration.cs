using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forma.Data.BackgroundJobs;

internal sealed class BackgroundJobConfiguration : IEntityTypeConfiguration<BackgroundJob>
{
    public void Configure(EntityTypeBuilder<BackgroundJob> builder)
    {
        builder.ToTable("background_jobs");
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedNever();
        builder.Property(j => j.Type).HasMaxLength(200);
        builder.Property(j => j.LockedBy).HasMaxLength(200);
        builder.Property(j => j.DedupeKey).HasMaxLength(300);
        // The claim query scans by state and due time.
        builder.HasIndex(j => new { j.State, j.RunAt });
        builder.HasIndex(j => j.DedupeKey).IsUnique();
    }
}
