using Forma.Core.Athletes;
using Forma.Core.Booking;
using Forma.Core.People;
using Forma.Core.Tenancy;
using Forma.Data.Conventions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Forma.Data.Configuration;

internal sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> builder)
    {
        builder.ToTable("services");
        builder.HasKey(s => new { s.TenantId, s.Id });
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Name).HasMaxLength(ServiceTerms.NameMaxLength);
        builder.Property(s => s.Description).HasMaxLength(ServiceTerms.DescriptionMaxLength);
        builder.Property(s => s.Currency).HasMaxLength(3);
        builder.Property(s => s.RequiredSkills).Tags();
        builder.Property(s => s.RequiredResourceTypes).Tags();
        builder.Property(s => s.RequiredCredentials).Tags();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ResourceConfiguration : IEntityTypeConfiguration<Resource>
{
    public void Configure(EntityTypeBuilder<Resource> builder)
    {
        builder.ToTable("resources");
        builder.HasKey(r => new { r.TenantId, r.Id });
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.Name).HasMaxLength(Resource.NameMaxLength);
        builder.Property(r => r.Type).HasMaxLength(ServiceTerms.TagMaxLength);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StaffProfileConfiguration : IEntityTypeConfiguration<StaffProfile>
{
    public void Configure(EntityTypeBuilder<StaffProfile> builder)
    {
        builder.ToTable("staff_profiles");
        builder.HasKey(s => new { s.TenantId, s.MembershipId });
        builder.Property(s => s.TimeZone).HasMaxLength(100);
        builder.Property(s => s.Skills).Tags();
        builder.Property(s => s.ServiceIds).HasConversion(new JsonListConverter<Guid>(), JsonListConverter<Guid>.Comparer).HasMaxLength(8000);
        builder.Property(s => s.WeeklyHours).HasConversion(new JsonListConverter<WeeklyPeriod>(), JsonListConverter<WeeklyPeriod>.Comparer).HasMaxLength(8000);
        builder.Property(s => s.CalendarToken).HasMaxLength(64);
        builder.HasOne<Membership>().WithMany().HasForeignKey(s => new { s.TenantId, s.MembershipId }).OnDelete(DeleteBehavior.Cascade);
        // The calendar feed finds its staff member by token alone (the URL carries no tenant).
        builder.HasIndex(s => s.CalendarToken).IsUnique();
    }
}

internal sealed class StaffExceptionConfiguration : IEntityTypeConfiguration<StaffException>
{
    public void Configure(EntityTypeBuilder<StaffException> builder)
    {
        builder.ToTable("staff_exceptions");
        builder.HasKey(e => new { e.TenantId, e.Id });
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Reason).HasMaxLength(StaffException.ReasonMaxLength);
        builder.HasOne<StaffProfile>().WithMany().HasForeignKey(e => new { e.TenantId, e.MembershipId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.TenantId, e.MembershipId, e.Date });
    }
}

internal sealed class CredentialConfiguration : IEntityTypeConfiguration<Credential>
{
    public void Configure(EntityTypeBuilder<Credential> builder)
    {
        builder.ToTable("credentials");
        builder.HasKey(c => new { c.TenantId, c.Id });
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Kind).HasMaxLength(ServiceTerms.TagMaxLength);
        builder.Property(c => c.Note).HasMaxLength(Credential.NoteMaxLength);
        builder.HasOne<Athlete>().WithMany().HasForeignKey(c => new { c.TenantId, c.AthleteId }).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AppointmentConfiguration : IEntityTypeConfiguration<Appointment>
{
    public void Configure(EntityTypeBuilder<Appointment> builder)
    {
        builder.ToTable("appointments", table => table.HasCheckConstraint("CK_appointments_seats", "seats_taken >= 0 AND seats_taken <= capacity"));
        builder.HasKey(a => new { a.TenantId, a.Id });
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.HasOne<Service>().WithMany().HasForeignKey(a => new { a.TenantId, a.ServiceId }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<StaffProfile>().WithMany().HasForeignKey(a => new { a.TenantId, a.StaffMembershipId }).OnDelete(DeleteBehavior.Restrict);
        // A staff member's calendar over a window; the PostgreSQL exclusion constraint has its own GiST index.
        builder.HasIndex(a => new { a.TenantId, a.StaffMembershipId, a.StartsAt });
        builder.HasIndex(a => new { a.TenantId, a.ServiceId, a.StartsAt });
    }
}

internal sealed class ClientBookingConfiguration : IEntityTypeConfiguration<ClientBooking>
{
    public void Configure(EntityTypeBuilder<ClientBooking> builder)
    {
        builder.ToTable("bookings", table => table.HasCheckConstraint("CK_bookings_one_client", "(client_athlete_id IS NULL) <> (client_membership_id IS NULL)"));
        builder.HasKey(b => new { b.TenantId, b.Id });
        builder.Property(b => b.Id).ValueGeneratedNever();
        builder.Property(b => b.Currency).HasMaxLength(3);
        builder.Property(b => b.IdempotencyKey).HasMaxLength(ClientBooking.IdempotencyKeyMaxLength);
        builder.HasOne<Appointment>().WithMany().HasForeignKey(b => new { b.TenantId, b.AppointmentId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Athlete>().WithMany().HasForeignKey(b => new { b.TenantId, b.ClientAthleteId }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Membership>().WithMany().HasForeignKey(b => new { b.TenantId, b.ClientMembershipId }).OnDelete(DeleteBehavior.Restrict);
        // A retried create finds the first one; two racing retries cannot both insert.
        builder.HasIndex(b => new { b.TenantId, b.BookedByMembershipId, b.IdempotencyKey }).IsUnique();
        builder.HasIndex(b => new { b.TenantId, b.SeriesId });
        builder.HasOne<ClientPackage>().WithMany().HasForeignKey(b => new { b.TenantId, b.ClientPackageId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BookingParticipantConfiguration : IEntityTypeConfiguration<BookingParticipant>
{
    public void Configure(EntityTypeBuilder<BookingParticipant> builder)
    {
        builder.ToTable("booking_participants");
        builder.HasKey(p => new { p.TenantId, p.BookingId, p.AthleteId });
        builder.HasOne<ClientBooking>().WithMany().HasForeignKey(p => new { p.TenantId, p.BookingId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Athlete>().WithMany().HasForeignKey(p => new { p.TenantId, p.AthleteId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ResourceAllocationConfiguration : IEntityTypeConfiguration<ResourceAllocation>
{
    public void Configure(EntityTypeBuilder<ResourceAllocation> builder)
    {
        builder.ToTable("resource_allocations");
        builder.HasKey(r => new { r.TenantId, r.AppointmentId, r.ResourceId });
        builder.HasOne<Appointment>().WithMany().HasForeignKey(r => new { r.TenantId, r.AppointmentId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Resource>().WithMany().HasForeignKey(r => new { r.TenantId, r.ResourceId }).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.TenantId, r.ResourceId, r.OccupiedFrom });
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> builder)
    {
        builder.ToTable("ledger_entries", table => table.HasCheckConstraint("CK_ledger_entries_one_client", "(client_athlete_id IS NULL) <> (client_membership_id IS NULL)"));
        builder.HasKey(l => new { l.TenantId, l.Id });
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Currency).HasMaxLength(3);
        builder.Property(l => l.Note).HasMaxLength(LedgerEntry.NoteMaxLength);
        builder.HasOne<Athlete>().WithMany().HasForeignKey(l => new { l.TenantId, l.ClientAthleteId }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Membership>().WithMany().HasForeignKey(l => new { l.TenantId, l.ClientMembershipId }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<ClientBooking>().WithMany().HasForeignKey(l => new { l.TenantId, l.BookingId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WaitlistEntryConfiguration : IEntityTypeConfiguration<WaitlistEntry>
{
    public void Configure(EntityTypeBuilder<WaitlistEntry> builder)
    {
        builder.ToTable("waitlist_entries", table => table.HasCheckConstraint("CK_waitlist_entries_one_client", "(client_athlete_id IS NULL) <> (client_membership_id IS NULL)"));
        builder.HasKey(w => new { w.TenantId, w.Id });
        builder.Property(w => w.Id).ValueGeneratedNever();
        builder.Property(w => w.ParticipantIds).HasConversion(new JsonListConverter<Guid>(), JsonListConverter<Guid>.Comparer).HasMaxLength(8000);
        builder.HasOne<Appointment>().WithMany().HasForeignKey(w => new { w.TenantId, w.AppointmentId }).OnDelete(DeleteBehavior.Cascade);
        // Promotion takes an appointment's waiting entries in the order they joined.
        builder.HasIndex(w => new { w.TenantId, w.AppointmentId, w.Status, w.CreatedAt });
    }
}

internal sealed class PackageConfiguration : IEntityTypeConfiguration<Package>
{
    public void Configure(EntityTypeBuilder<Package> builder)
    {
        builder.ToTable("packages");
        builder.HasKey(p => new { p.TenantId, p.Id });
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(ServiceTerms.NameMaxLength);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.ServiceIds).HasConversion(new JsonListConverter<Guid>(), JsonListConverter<Guid>.Comparer).HasMaxLength(8000);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ClientPackageConfiguration : IEntityTypeConfiguration<ClientPackage>
{
    public void Configure(EntityTypeBuilder<ClientPackage> builder)
    {
        builder.ToTable("client_packages", table => table.HasCheckConstraint("CK_client_packages_one_client", "(client_athlete_id IS NULL) <> (client_membership_id IS NULL)"));
        builder.HasKey(p => new { p.TenantId, p.Id });
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Name).HasMaxLength(ServiceTerms.NameMaxLength);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.ServiceIds).HasConversion(new JsonListConverter<Guid>(), JsonListConverter<Guid>.Comparer).HasMaxLength(8000);
        builder.HasOne<Package>().WithMany().HasForeignKey(p => new { p.TenantId, p.PackageId }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Athlete>().WithMany().HasForeignKey(p => new { p.TenantId, p.ClientAthleteId }).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Membership>().WithMany().HasForeignKey(p => new { p.TenantId, p.ClientMembershipId }).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CreditUseConfiguration : IEntityTypeConfiguration<CreditUse>
{
    public void Configure(EntityTypeBuilder<CreditUse> builder)
    {
        builder.ToTable("credit_uses");
        builder.HasKey(u => new { u.TenantId, u.Id });
        builder.Property(u => u.Id).ValueGeneratedNever();
        builder.HasOne<ClientPackage>().WithMany().HasForeignKey(u => new { u.TenantId, u.ClientPackageId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ClientBooking>().WithMany().HasForeignKey(u => new { u.TenantId, u.BookingId }).OnDelete(DeleteBehavior.Cascade);
        // Counting a package's sessions in one period.
        builder.HasIndex(u => new { u.TenantId, u.ClientPackageId, u.PeriodStart });
    }
}

internal sealed class BookingMessageConfiguration : IEntityTypeConfiguration<BookingMessage>
{
    public void Configure(EntityTypeBuilder<BookingMessage> builder)
    {
        builder.ToTable("booking_messages");
        builder.HasKey(m => new { m.TenantId, m.Id });
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Subject).HasMaxLength(BookingMessage.SubjectMaxLength);
        builder.Property(m => m.Body).HasMaxLength(BookingMessage.BodyMaxLength);
        builder.HasOne<ClientBooking>().WithMany().HasForeignKey(m => new { m.TenantId, m.BookingId }).OnDelete(DeleteBehavior.Cascade);
        // A client's messages, newest first.
        builder.HasIndex(m => new { m.TenantId, m.ClientAthleteId, m.RecordedAt });
        builder.HasIndex(m => new { m.TenantId, m.ClientMembershipId, m.RecordedAt });
    }
}

internal sealed class ClientCalendarFeedConfiguration : IEntityTypeConfiguration<ClientCalendarFeed>
{
    public void Configure(EntityTypeBuilder<ClientCalendarFeed> builder)
    {
        builder.ToTable("client_calendar_feeds", table => table.HasCheckConstraint("CK_client_calendar_feeds_one_client", "(client_athlete_id IS NULL) <> (client_membership_id IS NULL)"));
        builder.HasKey(f => new { f.TenantId, f.Id });
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Token).HasMaxLength(64);
        builder.HasOne<Athlete>().WithMany().HasForeignKey(f => new { f.TenantId, f.ClientAthleteId }).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Membership>().WithMany().HasForeignKey(f => new { f.TenantId, f.ClientMembershipId }).OnDelete(DeleteBehavior.Cascade);
        // One feed per client (NULLs are distinct, so each index only constrains its own kind of client).
        builder.HasIndex(f => new { f.TenantId, f.ClientAthleteId }).IsUnique();
        builder.HasIndex(f => new { f.TenantId, f.ClientMembershipId }).IsUnique();
        builder.HasIndex(f => f.Token).IsUnique();
    }
}

internal static class TagColumns
{
    /// <summary>A short list of lower-case tags as JSON text.</summary>
    public static PropertyBuilder<List<string>> Tags(this PropertyBuilder<List<string>> property) =>
        property.HasConversion(new JsonListConverter<string>(), JsonListConverter<string>.Comparer).HasMaxLength(2000);
}
