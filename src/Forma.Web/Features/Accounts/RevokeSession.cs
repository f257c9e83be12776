using Forma.Core;
using Forma.Core.Audit;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Accounts;

/// <summary>Ends one of the caller's own sessions; that device is signed out at once.</summary>
internal sealed class RevokeSession(FormaDbContext db, Sessions sessions, TimeProvider clock) : IUseCase
{
    public async Task RunAsync(Caller caller, Guid sessionId, CancellationToken cancellationToken)
    {
        if (!await db.RefreshTokens.AnyAsync(t => t.FamilyId == sessionId && t.UserId == caller.UserId, cancellationToken))
        {
            throw DomainException.NotFound("session");
        }

        await sessions.RevokeFamilyAsync(db, sessionId, "revoked-by-user", cancellationToken);
        db.AuditEvents.Add(AuditEvent.Record(caller.TenantId, "session.revoked", clock.GetUtcNow().UtcDateTime, caller.UserId, sessionId.ToString()));
        await db.SaveChangesAsync(cancellationToken);
    }
}
