using Forma.Core.Tenancy;

namespace Forma.Core.Booking;

/// <summary>What a booking message says.</summary>
public enum BookingMessageKind
{
    Confirmation,
    Cancellation,
    Reminder24h,
    Reminder2h,
}

/// <summary>
/// A message to a booking's client — a confirmation, a cancellation, a reminder a day or two hours ahead. Delivery
/// channels (email, SMS, push) come with a later issue; until then each message is recorded when it falls due,
/// readable by the client and by staff, and delivery will read the same rows.
/// </summary>
public sealed class BookingMessage : ITenantOwned
{
    public const int SubjectMaxLength = 200;
    public const int BodyMaxLength = 2000;

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid BookingId { get; private set; }
    public Guid? ClientAthleteId { get; private set; }
    public Guid? ClientMembershipId { get; private set; }
    public BookingMessageKind Kind { get; private set; }
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTime RecordedAt { get; private set; }

    private BookingMessage()
    {
    }

    public static BookingMessage Record(ClientBooking booking, BookingMessageKind kind, string subject, string body, DateTime now) => new()
    {
        TenantId = booking.TenantId,
        Id = Guid.CreateVersion7(now),
        BookingId = booking.Id,
        ClientAthleteId = booking.ClientAthleteId,
        ClientMembershipId = booking.ClientMembershipId,
        Kind = kind,
        Subject = subject.Length > SubjectMaxLength ? subject[..SubjectMaxLength] : subject,
        Body = body.Length > BodyMaxLength ? body[..BodyMaxLength] : body,
        RecordedAt = now,
    };
}
