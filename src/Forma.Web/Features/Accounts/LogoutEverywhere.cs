using Forma.Data;

namespace Forma.Web.Features.Accounts;

/// <summary>Ends every session of the caller's, in every business they belong to.</summary>
internal sealed class LogoutEverywhere(FormaDbContext db, IServiceScopeFactory scopes, TimeProvider clock) : IUseCase
{
    public Task RunAsync(Caller caller, CancellationToken cancellationToken) =>
        EveryBusiness.EndSessionsAsync(scopes, db, caller.UserId, "signed-out-everywhere", null, clock.GetUtcNow().UtcDateTime, cancellationToken);
}
