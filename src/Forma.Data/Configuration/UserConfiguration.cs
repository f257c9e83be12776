using Forma.Core.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forma.Data.Configuration;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.ToTable("users");
        builder.HasKey(u => u.Id);
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.Property(u => u.Email).HasMaxLength(EmailAddress.MaxLength);
        builder.Property(u => u.FirstName).HasMaxLength(100);
        builder.Property(u => u.LastName).HasMaxLength(100);
        builder.Property(u => u.PasswordHash).HasMaxLength(500);
        builder.Property(u => u.ProtectedTotpSecret).HasMaxLength(1000);
        builder.Property(u => u.Units).HasMaxLength(10);
        builder.Property(u => u.TimeZone).HasMaxLength(64);
        builder.Ignore(u => u.HasTotp);
        builder.HasIndex(u => u.Email).IsUnique();
    }
}
