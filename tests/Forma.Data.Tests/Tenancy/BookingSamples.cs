using Forma.Core.Athletes;
using Forma.Core.Booking;
using Forma.Core.People;

namespace Forma.Data.Tests.Tenancy;

/// <summary>Valid rows of the booking tables, each with the rows it needs (see <see cref="TenantSamples"/>).</summary>
internal static class BookingSamples
{
    public static readonly IReadOnlyDictionary<Type, Action<FormaDbContext, Guid, DateTime>> Builders =
        new Dictionary<Type, Action<FormaDbContext, Guid, DateTime>>
        {
            [typeof(Service)] = (db, tenantId, now) => AddService(db, tenantId, now),
            [typeof(Resource)] = (db, tenantId, now) => AddResource(db, tenantId, now),
            [typeof(StaffProfile)] = (db, tenantId, now) => AddStaff(db, tenantId, now),
            [typeof(StaffException)] = (db, tenantId, now) =>
                db.StaffExceptions.Add(StaffException.Create(tenantId, AddStaff(db, tenantId, now).MembershipId, DateOnly.FromDateTime(now), null, null, false, "Holiday", now)),
            [typeof(Credential)] = (db, tenantId, now) =>
                db.Credentials.Add(Credential.Create(tenantId, AddAthlete(db, tenantId, now).Id, "waiver", DateOnly.FromDateTime(now), null, null, now)),
            [typeof(Appointment)] = (db, tenantId, now) => AddAppointment(db, tenantId, now),
            [typeof(ClientCalendarFeed)] = (db, tenantId, now) =>
                db.ClientCalendarFeeds.Add(ClientCalendarFeed.Create(tenantId, BookingClient.Athlete(AddAthlete(db, tenantId, now).Id), Guid.NewGuid().ToString("N"), now)),
            [typeof(ClientBooking)] = (db, tenantId, now) => AddBooking(db, tenantId, now),
            [typeof(BookingParticipant)] = (db, tenantId, now) =>
            {
                var booking = AddBooking(db, tenantId, now);
                db.BookingParticipants.Add(BookingParticipant.Create(tenantId, booking.Id, booking.ClientAthleteId!.Value));
            },
            [typeof(ResourceAllocation)] = (db, tenantId, now) =>
                db.ResourceAllocations.Add(ResourceAllocation.Create(AddAppointment(db, tenantId, now), AddResource(db, tenantId, now).Id)),
            [typeof(WaitlistEntry)] = (db, tenantId, now) =>
            {
                var booking = AddBooking(db, tenantId, now);
                db.WaitlistEntries.Add(WaitlistEntry.Join(tenantId, booking.AppointmentId, booking.Client, booking.BookedByMembershipId, [booking.ClientAthleteId!.Value], now));
            },
            [typeof(Package)] = (db, tenantId, now) => AddPackage(db, tenantId, now),
            [typeof(ClientPackage)] = (db, tenantId, now) => AddClientPackage(db, tenantId, now),
            [typeof(CreditUse)] = (db, tenantId, now) =>
            {
                var booking = AddBooking(db, tenantId, now);
                var package = AddClientPackage(db, tenantId, now);
                db.CreditUses.Add(CreditUse.Take(package, booking.Id, 1, DateOnly.FromDateTime(now), now));
            },
            [typeof(BookingMessage)] = (db, tenantId, now) =>
                db.BookingMessages.Add(BookingMessage.Record(AddBooking(db, tenantId, now), BookingMessageKind.Confirmation, "Booked", "Sports massage on Monday.", now)),
            [typeof(LedgerEntry)] = (db, tenantId, now) =>
            {
                var booking = AddBooking(db, tenantId, now);
                db.LedgerEntries.Add(LedgerEntry.Record(tenantId, booking.Client, booking.Id, LedgerKind.DepositDue, 1000, "EUR", null, null, now));
            },
        };

    private static Service AddService(FormaDbContext db, Guid tenantId, DateTime now)
    {
        var service = Service.Create(tenantId, new ServiceTerms("Private session", null, 60, 10, 10, 1, 15, 5000, 1000, "EUR", [], [], [], 60, 60, 24, 2500, 5000), now);
        db.Services.Add(service);
        return service;
    }

    private static Package AddPackage(FormaDbContext db, Guid tenantId, DateTime now)
    {
        var package = Package.Create(tenantId, "Ten sessions", PackageKind.PunchCard, 10, 90, 40000, "EUR", [], now);
        db.Packages.Add(package);
        return package;
    }

    private static ClientPackage AddClientPackage(FormaDbContext db, Guid tenantId, DateTime now)
    {
        var sold = ClientPackage.Sell(AddPackage(db, tenantId, now), BookingClient.Athlete(AddAthlete(db, tenantId, now).Id), DateOnly.FromDateTime(now), now);
        db.ClientPackages.Add(sold);
        return sold;
    }

    private static Resource AddResource(FormaDbContext db, Guid tenantId, DateTime now)
    {
        var resource = Resource.Create(tenantId, "Studio 1", "room", 1, now);
        db.Resources.Add(resource);
        return resource;
    }

    private static StaffProfile AddStaff(FormaDbContext db, Guid tenantId, DateTime now)
    {
        var user = User.Create($"{Guid.NewGuid():N}@example.test", "Sky", "Staff", now);
        var membership = Membership.Create(tenantId, user.Id, Role.Coach, now);
        var profile = StaffProfile.Create(tenantId, membership.Id, Guid.NewGuid().ToString("N"), now);
        profile.Define("Europe/Paris", ["massage"], [], [new WeeklyPeriod(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(17, 0))], true, now);
        db.Users.Add(user);
        db.Memberships.Add(membership);
        db.StaffProfiles.Add(profile);
        return profile;
    }

    private static Appointment AddAppointment(FormaDbContext db, Guid tenantId, DateTime now)
    {
        // A fresh staff member per appointment, so samples never overlap under the no-overlap constraint.
        var appointment = Appointment.Schedule(tenantId, AddService(db, tenantId, now), AddStaff(db, tenantId, now).MembershipId, now.AddDays(1), now);
        db.Appointments.Add(appointment);
        return appointment;
    }

    private static ClientBooking AddBooking(FormaDbContext db, Guid tenantId, DateTime now)
    {
        var appointment = AddAppointment(db, tenantId, now);
        var service = db.Services.Local.Single(s => s.Id == appointment.ServiceId);
        var booking = ClientBooking.Create(tenantId, appointment, service, BookingClient.Athlete(AddAthlete(db, tenantId, now).Id), appointment.StaffMembershipId, 1, null, now);
        db.Bookings.Add(booking);
        return booking;
    }

    private static Athlete AddAthlete(FormaDbContext db, Guid tenantId, DateTime now)
    {
        var athlete = Athlete.Create(tenantId, "Pia", "Participant", now);
        db.Athletes.Add(athlete);
        return athlete;
    }
}
