using Forma.Core.Audit;
using Forma.Data;

namespace Forma.Web.Features.Accounts;

/// <summary>Ends the caller's session: its refresh tokens (the whole family) stop working everywhere.</summary>
internal sealed class LogOut(FormaDbContext db, Sessions sessions, TimeProvider clock) : IUseCase
{
    public async Task RunAsync(Caller caller, CancellationToken cancellationToken)
    {
        await sessions.RevokeFamilyAsync(db, caller.SessionId, "signed-out", cancellationToken);
        db.AuditEvents.Add(AuditEvent.Record(caller.TenantId, "session.signed-out", clock.GetUtcNow().UtcDateTime, caller.UserId, caller.SessionId.ToString()));
        await db.SaveChangesAsync(cancellationToken);
    }
}
