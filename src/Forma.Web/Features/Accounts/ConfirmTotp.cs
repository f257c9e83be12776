using Forma.Core;
using Forma.Core.Audit;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Accounts;

/// <summary>Proves the pending authenticator works with one code: turns the second factor on and returns ten recovery codes, shown once.</summary>
internal sealed class ConfirmTotp(FormaDbContext db, TwoFactor twoFactor, TimeProvider clock) : IUseCase
{
    public async Task<RecoveryCodes> RunAsync(Caller caller, TotpConfirmRequest request, CancellationToken cancellationToken)
    {
        RequestValidation.Ensure(request);
        var user = await db.Users.SingleAsync(u => u.Id == caller.UserId, cancellationToken);
        if (user.HasTotp)
        {
            throw MfaRefusals.AlreadyOn();
        }

        var codes = await twoFactor.ConfirmAsync(db, user, request.Code, cancellationToken)
            ?? throw DomainException.Invalid("code", "That code does not match; check the app's clock and try the current code.");
        db.AuditEvents.Add(AuditEvent.Record(caller.TenantId, "mfa.totp-enabled", clock.GetUtcNow().UtcDateTime, caller.UserId, caller.UserId.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return new RecoveryCodes(codes);
    }
}
