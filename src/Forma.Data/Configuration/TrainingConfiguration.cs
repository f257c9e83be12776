using Forma.Core.Activities;
using Forma.Core.Athletes;
using Forma.Core.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forma.Data.Configuration;

internal sealed class PhysiologyEntryConfiguration : IEntityTypeConfiguration<PhysiologyEntry>
{
    public void Configure(EntityTypeBuilder<PhysiologyEntry> builder)
    {
        builder.ToTable("physiology_entries");
        builder.HasKey(p => new { p.TenantId, p.Id });
        builder.Property(p => p.Id).ValueGeneratedNever();
        // Stored as 'female'/'male', as the column has held since it was a string; the athletes table keeps enum names.
        builder.Property(p => p.Sex).HasMaxLength(10).HasConversion(
            sex => sex == Sex.Female ? "female" : "male",
            text => text == "female" ? Sex.Female : Sex.Male);
        builder.HasOne<Athlete>().WithMany().HasForeignKey(p => new { p.TenantId, p.AthleteId }).OnDelete(DeleteBehavior.Cascade);
        // One entry per athlete and day: a second change on the same day edits that day's entry.
        builder.HasIndex(p => new { p.TenantId, p.AthleteId, p.EffectiveFrom }).IsUnique();
    }
}

internal sealed class ActivityAnalysisConfiguration : IEntityTypeConfiguration<ActivityAnalysis>
{
    public void Configure(EntityTypeBuilder<ActivityAnalysis> builder)
    {
        builder.ToTable("activity_analyses");
        builder.HasKey(a => new { a.TenantId, a.ActivityId });
        builder.Property(a => a.Sport).HasMaxLength(Recording.TextMaxLength);
        builder.Property(a => a.LoadMethod).HasMaxLength(20);
        builder.HasOne<Activity>().WithMany().HasForeignKey(a => new { a.TenantId, a.ActivityId }).OnDelete(DeleteBehavior.Cascade);
        // The daily load model sums an athlete's loads per day.
        builder.HasIndex(a => new { a.TenantId, a.AthleteId, a.Day });
    }
}

internal sealed class ActivityCurveConfiguration : IEntityTypeConfiguration<ActivityCurve>
{
    public void Configure(EntityTypeBuilder<ActivityCurve> builder)
    {
        builder.ToTable("activity_curves");
        builder.HasKey(c => new { c.TenantId, c.ActivityId, c.Stream });
        builder.Property(c => c.Stream).HasMaxLength(ActivityCurve.StreamMaxLength);
        builder.HasOne<Activity>().WithMany().HasForeignKey(c => new { c.TenantId, c.ActivityId }).OnDelete(DeleteBehavior.Cascade);
        // Curves of one stream over a date window, for the aggregated best curve.
        builder.HasIndex(c => new { c.TenantId, c.AthleteId, c.Stream, c.Day });
    }
}

internal sealed class ActivityBestConfiguration : IEntityTypeConfiguration<ActivityBest>
{
    public void Configure(EntityTypeBuilder<ActivityBest> builder)
    {
        builder.ToTable("activity_bests");
        builder.HasKey(b => new { b.TenantId, b.ActivityId, b.Key });
        builder.Property(b => b.Key).HasMaxLength(ActivityBest.KeyMaxLength);
        builder.HasOne<Activity>().WithMany().HasForeignKey(b => new { b.TenantId, b.ActivityId }).OnDelete(DeleteBehavior.Cascade);
        // An athlete's bests per category in time order, for PRs and the bests list.
        builder.HasIndex(b => new { b.TenantId, b.AthleteId, b.Key, b.AchievedAt });
    }
}

internal sealed class PersonalRecordConfiguration : IEntityTypeConfiguration<PersonalRecord>
{
    public void Configure(EntityTypeBuilder<PersonalRecord> builder)
    {
        builder.ToTable("personal_records");
        builder.HasKey(p => new { p.TenantId, p.Id });
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Key).HasMaxLength(ActivityBest.KeyMaxLength);
        builder.HasOne<Activity>().WithMany().HasForeignKey(p => new { p.TenantId, p.ActivityId }).OnDelete(DeleteBehavior.Cascade);
        // The feed, newest first.
        builder.HasIndex(p => new { p.TenantId, p.AthleteId, p.AchievedAt });
    }
}

internal sealed class DailyLoadEntryConfiguration : IEntityTypeConfiguration<DailyLoadEntry>
{
    public void Configure(EntityTypeBuilder<DailyLoadEntry> builder)
    {
        builder.ToTable("daily_loads");
        builder.HasKey(d => new { d.TenantId, d.AthleteId, d.Day });
        builder.HasOne<Athlete>().WithMany().HasForeignKey(d => new { d.TenantId, d.AthleteId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AnalyticsStateConfiguration : IEntityTypeConfiguration<AnalyticsState>
{
    public void Configure(EntityTypeBuilder<AnalyticsState> builder)
    {
        builder.ToTable("analytics_states");
        builder.HasKey(s => new { s.TenantId, s.AthleteId });
        builder.HasOne<Athlete>().WithMany().HasForeignKey(s => new { s.TenantId, s.AthleteId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CustomZonesConfiguration : IEntityTypeConfiguration<CustomZones>
{
    public void Configure(EntityTypeBuilder<CustomZones> builder)
    {
        builder.ToTable("custom_zones");
        builder.HasKey(z => new { z.TenantId, z.AthleteId, z.Kind });
        builder.Property(z => z.Kind).HasMaxLength(CustomZones.KindMaxLength);
        builder.Property(z => z.Boundaries).HasMaxLength(2000);
        builder.Property(z => z.Names).HasMaxLength(2000);
        builder.HasOne<Athlete>().WithMany().HasForeignKey(z => new { z.TenantId, z.AthleteId }).OnDelete(DeleteBehavior.Cascade);
    }
}
