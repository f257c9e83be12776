using Forma.Core.Accounts;
using Forma.Core.Plans;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>A client's latest booking messages (confirmations, reminders, cancellations); without a client named, the caller's own.</summary>
internal sealed class ListClientMessages(FormaDbContext db, PlanGate plan) : IUseCase
{
    public const int InboxSize = 100;

    public async Task<List<BookingMessageResponse>> RunAsync(Caller caller, Guid? clientAthleteId, Guid? clientMembershipId, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.BookingsRead);
        plan.EnsureFeature(PlanFeature.Booking);
        var client = await ClientAccounts.ResolveAsync(caller, db, clientAthleteId, clientMembershipId, cancellationToken);

        var messages = await db.BookingMessages.AsNoTracking()
            .Where(m => m.ClientAthleteId == client.AthleteId && m.ClientMembershipId == client.GuardianMembershipId)
            .OrderByDescending(m => m.RecordedAt).ThenByDescending(m => m.Id).Take(InboxSize).ToListAsync(cancellationToken);
        return messages.Select(BookingMessageResponse.From).ToList();
    }
}
