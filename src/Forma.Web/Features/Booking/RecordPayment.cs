using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Booking;
using Forma.Core.Plans;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>Staff record money received (a negative entry on the client's account) or refunded, optionally against a booking.</summary>
internal sealed class RecordPayment(FormaDbContext db, PlanGate plan, CurrentBusiness business, TimeProvider clock) : IUseCase
{
    public async Task<LedgerEntryResponse> RunAsync(Caller caller, PaymentRequest request, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.BookingsWrite);
        plan.EnsureFeature(PlanFeature.Booking);
        if (!caller.IsStaff)
        {
            throw DomainException.Forbidden("Staff record payments.");
        }

        RequestValidation.Ensure(request);
        if (request.AmountMinor is < 1 or > 100_000_000)
        {
            throw DomainException.Invalid("amountMinor", "Between 1 and 100,000,000 minor units.");
        }

        if (request.Currency is not { Length: 3 } || !request.Currency.All(char.IsAsciiLetterUpper))
        {
            throw DomainException.Invalid("currency", "An ISO 4217 code in capitals, such as EUR.");
        }

        if (request.Note is { Length: > LedgerEntry.NoteMaxLength })
        {
            throw DomainException.Invalid("note", $"At most {LedgerEntry.NoteMaxLength} characters.");
        }

        var client = new BookingClient(request.ClientAthleteId, request.ClientMembershipId);
        await ClientAccounts.EnsureExistsAsync(db, client, cancellationToken);
        if (request.BookingId is { } bookingId && !await db.Bookings.AnyAsync(b => b.Id == bookingId, cancellationToken))
        {
            throw DomainException.Invalid("bookingId", "No such booking in this business.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var entry = LedgerEntry.Record(business.Tenant.Id, client, request.BookingId, request.Refund ? LedgerKind.Refund : LedgerKind.Payment,
            request.Refund ? request.AmountMinor : -request.AmountMinor, request.Currency, request.Note, caller.MembershipId, now);
        db.LedgerEntries.Add(entry);
        db.AuditEvents.Add(AuditEvent.Record(entry.TenantId, request.Refund ? "ledger.refund" : "ledger.payment", now, caller.UserId, entry.Id.ToString(), $$"""{"amountMinor":{{request.AmountMinor}},"currency":"{{request.Currency}}"}"""));
        await db.SaveChangesAsync(cancellationToken);
        return LedgerEntryResponse.From(entry);
    }
}
