using System.Security.Claims;
using Forma.Core.Accounts;
using Forma.Core.Plans;
using Forma.Data;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
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
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
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

    private static async Task<Created<LedgerEntryResponse>> RecordPayment(PaymentRequest request, ClaimsPrincipal user, RecordPayment record, CancellationToken cancellationToken)
    {
        var entry = await record.RunAsync(Caller.From(user), request, cancellationToken);
        return TypedResults.Created($"/api/v1/ledger?clientAthleteId={request.ClientAthleteId}&clientMembershipId={request.ClientMembershipId}", entry);
    }
}
