using System.ComponentModel.DataAnnotations;
using Forma.Core.Booking;

namespace Forma.Web.Features.Booking;

/// <summary>
/// Book <see cref="ParticipantIds"/> into <see cref="ServiceId"/> at <see cref="Start"/>, with <see cref="StaffId"/> or
/// whoever is free. Staff name the paying client (an athlete, or a guardian's membership); clients pay themselves.
/// </summary>
public sealed record BookRequest(Guid ServiceId, DateTimeOffset Start, IReadOnlyList<Guid> ParticipantIds, Guid? StaffId = null, Guid? ClientAthleteId = null, Guid? ClientMembershipId = null, Guid? ClientPackageId = null);

public sealed record AttendanceRequest(BookingStatus Status);

public sealed record RescheduleRequest(DateTimeOffset Start, Guid? StaffId = null);

public sealed record BookingResponse(
    Guid Id, Guid AppointmentId, Guid ServiceId, Guid StaffId, DateTime Start, DateTime End, BookingStatus Status, int Seats, IReadOnlyList<Guid> ParticipantIds,
    Guid? ClientAthleteId, Guid? ClientMembershipId, long PriceMinor, long DepositMinor, string Currency, long? FeeMinor, IReadOnlyList<Guid> ResourceIds, Guid? ClientPackageId, Guid? SeriesId)
{
    public static BookingResponse From(ClientBooking b, Appointment a, IReadOnlyList<Guid> participants, IReadOnlyList<Guid> resources) => new(
        b.Id, a.Id, a.ServiceId, a.StaffMembershipId, a.StartsAt, a.EndsAt, b.Status, b.Seats, participants, b.ClientAthleteId, b.ClientMembershipId,
        b.PriceMinor, b.DepositMinor, b.Currency, b.FeeMinor, resources, b.ClientPackageId, b.SeriesId);
}

public sealed record LedgerEntryResponse(Guid Id, LedgerKind Kind, long AmountMinor, string Currency, Guid? BookingId, string? Note, DateTime CreatedAt)
{
    public static LedgerEntryResponse From(LedgerEntry e) => new(e.Id, e.Kind, e.AmountMinor, e.Currency, e.BookingId, e.Note, e.CreatedAt);
}

/// <summary>A client's account: what they owe per currency (positive) or have in credit (negative), and the entries that explain it.</summary>
public sealed record LedgerResponse(IReadOnlyDictionary<string, long> Balance, IReadOnlyList<LedgerEntryResponse> Entries);

public sealed record PaymentRequest(long AmountMinor, [property: RegularExpression("^[A-Z]{3}$")] string Currency, Guid? ClientAthleteId = null, Guid? ClientMembershipId = null, Guid? BookingId = null, string? Note = null, bool Refund = false);
