using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forma.Data.BackgroundJobs;

internal sealed class RecurringJobConfiguration : IEntityTypeConfiguration<RecurringJob>
{
    public void Configure(EntityTypeBuilder<RecurringJob> builder)
    {
        builder.ToTable("recurring_jobs");
        builder.HasKey(r => r.Name);
        builder.Property(r => r.Name).HasMaxLength(200);
        builder.Property(r => r.Cron).HasMaxLength(120);
        builder.Property(r => r.TimeZone).HasMaxLength(64);
        builder.Property(r => r.JobType).HasMaxLength(200);
        builder.HasIndex(r => r.NextRunAt);
    }
}
