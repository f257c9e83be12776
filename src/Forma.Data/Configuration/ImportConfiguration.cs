using Forma.Core.Activities;
using Forma.Core.Athletes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forma.Data.Configuration;

internal sealed class ImportConfiguration : IEntityTypeConfiguration<Import>
{
    public void Configure(EntityTypeBuilder<Import> builder)
    {
        builder.ToTable("imports");
        builder.HasKey(i => new { i.TenantId, i.Id });
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Ignore(i => i.FilesFinished);
        builder.HasOne<Athlete>().WithMany().HasForeignKey(i => new { i.TenantId, i.AthleteId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImportFileConfiguration : IEntityTypeConfiguration<ImportFile>
{
    public void Configure(EntityTypeBuilder<ImportFile> builder)
    {
        builder.ToTable("import_files");
        builder.HasKey(f => new { f.TenantId, f.Id });
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.FileName).HasMaxLength(ImportFile.FileNameMaxLength);
        builder.Property(f => f.Sha256).HasMaxLength(64);
        builder.Property(f => f.Error).HasMaxLength(ImportFile.ErrorMaxLength);
        builder.Property(f => f.ActivityName).HasMaxLength(Activity.NameMaxLength);
        builder.HasOne<Import>().WithMany().HasForeignKey(f => new { f.TenantId, f.ImportId }).OnDelete(DeleteBehavior.Cascade);
    }
}
