using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Activities;
using Forma.Data;

namespace Forma.Web.Features.Activities;

/// <summary>
/// One activity of an athlete the caller sees, as the detail read shows it: deleted ones too (they can be restored),
/// and merged-away ones (they say where they went).
/// </summary>
internal sealed class FindActivity(FormaDbContext db) : IUseCase
{
    public async Task<Activity> RunAsync(Caller caller, Guid activityId, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.ActivitiesRead);
        return await ActivityEndpoints.FindAsync(activityId, caller, db, includeDeleted: true, cancellationToken, includeHidden: true)
            ?? throw DomainException.NotFound("activity");
    }
}
