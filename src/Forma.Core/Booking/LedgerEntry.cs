using Forma.Core.Tenancy;

namespace Forma.Core.Booking;

/// <summary>What a ledger entry records. Amounts are positive when the client owes the business.</summary>
public enum LedgerKind
{
    /// <summary>A booking's deposit became due.</summary>
    DepositDue,

    /// <summary>A free cancellation released the deposit that was due (negative).</summary>
    DepositReleased,

    /// <summary>A cancellation inside the policy's window.</summary>
    CancellationFee,

    /// <summary>The client did not come.</summary>
    NoShowFee,

    /// <summary>Money received (negative).</summary>
    Payment,

    /// <summary>Money returned (positive: it undoes a payment).</summary>
    Refund,

    /// <summary>A package (punch card, membership) was sold.</summary>
    PackageSale,
}

/// <summary>
/// One movement of money between a client and the business, in minor units. Entries are only ever added, so the
/// balance is their sum and the history explains it; a payment provider connects in a later issue.
/// </summary>
public sealed class LedgerEntry : ITenantOwned
{
    public const int NoteMaxLength = 500;

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid? ClientAthleteId { get; private set; }
    public Guid? ClientMembershipId { get; private set; }
    public Guid? BookingId { get; private set; }
    public LedgerKind Kind { get; private set; }
    public long AmountMinor { get; private set; }
    public string Currency { get; private set; } = "";
    public string? Note { get; private set; }
    public Guid? RecordedByMembershipId { get; private set; }
    public DateTime CreatedAt { get; private set; }

    private LedgerEntry()
    {
    }

    public static LedgerEntry Record(Guid tenantId, BookingClient client, Guid? bookingId, LedgerKind kind, long amountMinor, string currency, string? note, Guid? recordedBy, DateTime now) => new()
    {
        TenantId = tenantId,
        Id = Guid.CreateVersion7(now),
        ClientAthleteId = client.AthleteId,
        ClientMembershipId = client.GuardianMembershipId,
        BookingId = bookingId,
        Kind = kind,
        AmountMinor = amountMinor,
        Currency = currency,
        Note = note,
        RecordedByMembershipId = recordedBy,
        CreatedAt = now,
    };
}
