using Forma.Core.Accounts;
using Forma.Data;
using Forma.Web.Features.Analytics;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Athletes;

/// <summary>An athlete on the roster with the fitness series of the week to the day asked for (eight days, for the ramp).</summary>
public sealed record RosterEntry(Guid Id, string FirstName, string LastName, bool Archived, IReadOnlyList<FitnessDay> Week);

/// <summary>
/// The roster: the athletes the caller sees, by name (at most <see cref="MaxSize"/>), each with the last week of the
/// load model, so staff can spot risky load at a glance.
/// </summary>
internal sealed class ListRoster(FormaDbContext db) : IUseCase
{
    public const int MaxSize = 200;

    public async Task<List<RosterEntry>> RunAsync(Caller caller, DateOnly today, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.AthletesRead);
        caller.RequireScope(ApiScopes.ActivitiesRead);
        var athletes = await db.Athletes.AsNoTracking().VisibleTo(caller, db).OrderBy(a => a.LastName).ThenBy(a => a.FirstName).Take(MaxSize).ToListAsync(cancellationToken);
        var roster = new List<RosterEntry>(athletes.Count);
        foreach (var athlete in athletes)
        {
            var week = await ReadFitness.ReadDaysAsync(db, athlete.Id, today.AddDays(-7), today, cancellationToken);
            roster.Add(new RosterEntry(athlete.Id, athlete.FirstName, athlete.LastName, athlete.ArchivedAt is not null, week));
        }

        return roster;
    }
}
