using System.Security.Claims;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Booking;
using Forma.Core.People;
using Forma.Core.Plans;
using Forma.Data;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>
/// A client's money with the business: deposits due and released, fees, payments and refunds, and the balance they
/// add up to. Staff see anyone's and record payments; a client sees their own (a guardian the account they pay from).
/// </summary>
internal sealed class LedgerEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/ledger").WithTags("Booking").RequireFeature(PlanFeature.Booking).RequireTenant().ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("", Get).RequireScope(ApiScopes.BookingsRead).WithName("GetLedger").WithSummary("A client's balance and entries; without a client, the caller's own")
            .Produces<LedgerResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/payments", RecordPayment).RequireScope(ApiScopes.BookingsWrite).WithName("RecordPayment").WithSummary("Record money received or refunded (staff)")
            .Produces<LedgerEntryResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<IResult> Get(ClaimsPrincipal user, FormaDbContext db, CancellationToken cancellationToken, Guid? clientAthleteId = null, Guid? clientMembershipId = null)
    {
        var caller = Caller.From(user);
        var client = await ClientAccounts.ResolveAsync(caller, db, clientAthleteId, clientMembershipId, cancellationToken);

        var entries = await db.LedgerEntries.AsNoTracking()
            .Where(e => e.ClientAthleteId == client.AthleteId && e.ClientMembershipId == client.GuardianMembershipId)
            .OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var balance = entries.GroupBy(e => e.Currency).ToDictionary(g => g.Key, g => g.Sum(e => e.AmountMinor));
        return TypedResults.Ok(new LedgerResponse(balance, entries.Select(LedgerEntryResponse.From).ToList()));
    }

    private static async Task<IResult> RecordPayment(PaymentRequest request, ClaimsPrincipal user, HttpContext http, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (!caller.IsStaff)
        {
            return BookingAccess.Forbidden("Staff record payments.");
        }

        if (request.AmountMinor is < 1 or > 100_000_000)
        {
            return ProblemDetailsSetup.FieldProblem("amountMinor", "Between 1 and 100,000,000 minor units.");
        }

        if (request.Currency is not { Length: 3 } || !request.Currency.All(char.IsAsciiLetterUpper))
        {
            return ProblemDetailsSetup.FieldProblem("currency", "An ISO 4217 code in capitals, such as EUR.");
        }

        if (request.Note is { Length: > LedgerEntry.NoteMaxLength })
        {
            return ProblemDetailsSetup.FieldProblem("note", $"At most {LedgerEntry.NoteMaxLength} characters.");
        }

        var client = new BookingClient(request.ClientAthleteId, request.ClientMembershipId);
        var exists = (client.AthleteId, client.GuardianMembershipId) switch
        {
            ({ } athleteId, null) => await db.Athletes.AnyAsync(a => a.Id == athleteId, cancellationToken),
            (null, { } membershipId) => await db.Memberships.AnyAsync(m => m.Id == membershipId && m.Role == Role.Guardian, cancellationToken),
            _ => false,
        };
        if (!exists)
        {
            return ProblemDetailsSetup.FieldProblem("clientAthleteId", "Name one client of this business: clientAthleteId or a guardian's clientMembershipId.");
        }

        if (request.BookingId is { } bookingId && !await db.Bookings.AnyAsync(b => b.Id == bookingId, cancellationToken))
        {
            return ProblemDetailsSetup.FieldProblem("bookingId", "No such booking in this business.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var entry = LedgerEntry.Record(http.Tenant().Id, client, request.BookingId, request.Refund ? LedgerKind.Refund : LedgerKind.Payment,
            request.Refund ? request.AmountMinor : -request.AmountMinor, request.Currency, request.Note, caller.MembershipId, now);
        db.LedgerEntries.Add(entry);
        db.AuditEvents.Add(AuditEvent.Record(entry.TenantId, request.Refund ? "ledger.refund" : "ledger.payment", now, caller.UserId, entry.Id.ToString(), $$"""{"amountMinor":{{request.AmountMinor}},"currency":"{{request.Currency}}"}"""));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/ledger?clientAthleteId={client.AthleteId}&clientMembershipId={client.GuardianMembershipId}", LedgerEntryResponse.From(entry));
    }
}
