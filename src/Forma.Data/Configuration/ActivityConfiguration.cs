using Forma.Core.Activities;
using Forma.Core.Athletes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forma.Data.Configuration;

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.ToTable("activities");
        builder.HasKey(a => new { a.TenantId, a.Id });
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Sport).HasMaxLength(Recording.TextMaxLength);
        builder.Property(a => a.SubSport).HasMaxLength(Recording.TextMaxLength);
        builder.Property(a => a.Name).HasMaxLength(Activity.NameMaxLength);
        builder.HasOne<Athlete>().WithMany().HasForeignKey(a => new { a.TenantId, a.AthleteId }).OnDelete(DeleteBehavior.Cascade);
        // Serves an athlete's activity list, newest first, and the overlap search of multi-device merge.
        builder.HasIndex(a => new { a.TenantId, a.AthleteId, a.StartTime });
    }
}

internal sealed class RecordingConfiguration : IEntityTypeConfiguration<Recording>
{
    public void Configure(EntityTypeBuilder<Recording> builder)
    {
        builder.ToTable("recordings");
        builder.HasKey(r => new { r.TenantId, r.Id });
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Sha256).HasMaxLength(64);
        builder.Property(r => r.StreamsSha256).HasMaxLength(64);
        builder.Property(r => r.FileName).HasMaxLength(ImportFile.FileNameMaxLength);
        builder.Property(r => r.Format).HasMaxLength(10);
        builder.Property(r => r.Sport).HasMaxLength(Recording.TextMaxLength);
        builder.Property(r => r.SubSport).HasMaxLength(Recording.TextMaxLength);
        builder.Property(r => r.DeviceManufacturer).HasMaxLength(Recording.TextMaxLength);
        builder.Property(r => r.DeviceProduct).HasMaxLength(Recording.TextMaxLength);
        builder.Property(r => r.HeartRateSensor).HasMaxLength(Sensors.MaxLength);
        builder.Property(r => r.PowerSensor).HasMaxLength(Sensors.MaxLength);
        builder.HasOne<Activity>().WithMany().HasForeignKey(r => new { r.TenantId, r.ActivityId }).OnDelete(DeleteBehavior.Cascade);
        // The same original bytes are one recording per athlete: a second upload is recognised as a duplicate.
        builder.HasIndex(r => new { r.TenantId, r.AthleteId, r.Sha256 }).IsUnique();
    }
}

internal sealed class ActivityMergeConfiguration : IEntityTypeConfiguration<ActivityMerge>
{
    public void Configure(EntityTypeBuilder<ActivityMerge> builder)
    {
        builder.ToTable("activity_merges");
        builder.HasKey(m => new { m.TenantId, m.Id });
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.RecordingIds).HasMaxLength(4000);
        builder.HasOne<Athlete>().WithMany().HasForeignKey(m => new { m.TenantId, m.AthleteId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Activity>().WithMany().HasForeignKey(m => new { m.TenantId, m.TargetActivityId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Activity>().WithMany().HasForeignKey(m => new { m.TenantId, m.AbsorbedActivityId }).OnDelete(DeleteBehavior.Cascade);
        // The athlete's merge history, newest first, for the undo list.
        builder.HasIndex(m => new { m.TenantId, m.AthleteId, m.CreatedAt });
    }
}

internal sealed class RecordingSegmentConfiguration : IEntityTypeConfiguration<RecordingSegment>
{
    public void Configure(EntityTypeBuilder<RecordingSegment> builder)
    {
        builder.ToTable("recording_segments");
        builder.HasKey(s => new { s.TenantId, s.RecordingId, s.Kind, s.Position });
        builder.Property(s => s.Sport).HasMaxLength(Recording.TextMaxLength);
        builder.Property(s => s.SubSport).HasMaxLength(Recording.TextMaxLength);
        builder.HasOne<Recording>().WithMany().HasForeignKey(s => new { s.TenantId, s.RecordingId }).OnDelete(DeleteBehavior.Cascade);
    }
}
