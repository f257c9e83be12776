using System.Runtime.CompilerServices;
using System.Security.Claims;
using Forma.Core.Accounts;
using Forma.Core.Activities;
using Forma.Data;
using Forma.Web.Features.Athletes;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Activities;

/// <summary>An import's counters, as pushed to a page while it runs.</summary>
public sealed record ImportProgress(Guid Id, ImportStatus Status, int FilesTotal, int FilesDone, int FilesFailed, int FilesDuplicate);

/// <summary>
/// Server-sent events with an import's progress: one event whenever its counters move, the last when it is
/// done. The database is the source of truth (any instance's worker may be parsing the files), so the
/// stream polls it twice a second — cheap, one indexed row — rather than relying on in-process signals.
/// </summary>
internal sealed class ImportProgressEndpoint : IEndpointGroup
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public void Map(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/v1").WithTags("Imports").RequireTenant()
            .MapGet("/imports/{id:guid}/events", Events).RequireScope(ApiScopes.ActivitiesRead).WithName("ImportProgressEvents")
            .WithSummary("Server-sent events with the import's progress until it is done")
            .Produces<ImportProgress>(StatusCodes.Status200OK, "text/event-stream")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<ServerSentEventsResult<ImportProgress>, ProblemHttpResult>> Events(
        Guid id, ClaimsPrincipal user, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = Caller.From(user);
        if (!await db.Imports.AnyAsync(i => i.Id == id && db.Athletes.VisibleTo(me, db).Any(a => a.Id == i.AthleteId), cancellationToken))
        {
            return ProblemDetailsSetup.Problem(404, ProblemTypes.NotFound, "No such import.");
        }

        return TypedResults.ServerSentEvents(Watch(db, id, clock, cancellationToken), eventType: "progress");
    }

    private static async IAsyncEnumerable<ImportProgress> Watch(FormaDbContext db, Guid id, TimeProvider clock, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ImportProgress? last = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var now = await db.Imports.AsNoTracking().Where(i => i.Id == id)
                .Select(i => new ImportProgress(i.Id, i.Status, i.FilesTotal, i.FilesDone, i.FilesFailed, i.FilesDuplicate))
                .SingleAsync(cancellationToken);
            if (now != last)
            {
                yield return now;
                last = now;
            }

            if (now.Status is ImportStatus.Done or ImportStatus.Failed)
            {
                yield break;
            }

            await Task.Delay(PollInterval, clock, cancellationToken);
        }
    }
}
