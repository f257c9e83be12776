using Forma.Analytics.Load;
using Forma.Core.Training;
using Forma.Data;
using Forma.Data.BackgroundJobs;
using Forma.Web.Features.Activities.Merging;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Analytics;

/// <summary>Recomputes an athlete's stored load series and PR feed from the day they went stale.</summary>
public sealed record RefreshAthleteAnalytics(Guid AthleteId) : IJobPayload
{
    public static string JobType => "analytics.refresh-athlete";
}

/// <summary>
/// Keeps the derived per-athlete data (daily load model, PR feed) in step with the analyses, incrementally:
/// an analysis marks the athlete stale from a day and queues one refresh if none is queued (a debounce of a
/// couple of seconds lets a bulk import finish first); the refresh recomputes the series from that day on,
/// starting from the stored CTL/ATL of the day before, and rebuilds the PR feed.
/// </summary>
internal static class AnalyticsRefresh
{
    public static readonly TimeSpan Debounce = TimeSpan.FromSeconds(2);

    public static async Task MarkStaleAsync(FormaDbContext db, Guid tenantId, Guid athleteId, DateOnly from, DateTime now, CancellationToken cancellationToken)
    {
        var state = await db.AnalyticsStates.SingleOrDefaultAsync(s => s.AthleteId == athleteId, cancellationToken);
        if (state is null)
        {
            state = AnalyticsState.Create(tenantId, athleteId);
            db.AnalyticsStates.Add(state);
        }

        if (state.MarkStale(from))
        {
            db.Enqueue(new RefreshAthleteAnalytics(athleteId), now, runAt: now + Debounce);
        }
    }
}

internal sealed class RefreshAthleteAnalyticsHandler(TimeProvider clock) : IJobHandler<RefreshAthleteAnalytics>
{
    public async Task HandleAsync(RefreshAthleteAnalytics payload, JobContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        await AthleteTimeline.LockAsync(db, payload.AthleteId, cancellationToken);
        var state = await db.AnalyticsStates.SingleOrDefaultAsync(s => s.AthleteId == payload.AthleteId, cancellationToken);
        if (state?.TakeStaleFrom() is not { } from)
        {
            return;
        }

        await db.SaveChangesAsync(cancellationToken); // later analyses now queue a refresh of their own
        await RefreshLoadsAsync(db, state.TenantId, payload.AthleteId, from, cancellationToken);
        await PersonalRecords.RebuildAsync(db, payload.AthleteId, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }

    /// <summary>
    /// Rewrites the stored days from <paramref name="from"/> on. The computation starts a week earlier (with
    /// the real loads of that week and the stored CTL/ATL of the day before it) because ramp rate and monotony
    /// look back seven days; only days from <paramref name="from"/> on are written.
    /// </summary>
    private static async Task RefreshLoadsAsync(FormaDbContext db, Guid tenantId, Guid athleteId, DateOnly from, CancellationToken cancellationToken)
    {
        var windowStart = from.AddDays(-LookBackDays);
        var loads = await CountingAnalyses.Of(db, athleteId).Where(a => a.Day >= windowStart)
            .GroupBy(a => a.Day).Select(g => new { Day = g.Key, Load = g.Sum(a => a.Load ?? 0) })
            .ToDictionaryAsync(g => g.Day, g => g.Load, cancellationToken);
        var lastStored = await db.DailyLoads.Where(d => d.AthleteId == athleteId).MaxAsync(d => (DateOnly?)d.Day, cancellationToken);
        var before = await db.DailyLoads.AsNoTracking().SingleOrDefaultAsync(d => d.AthleteId == athleteId && d.Day == windowStart.AddDays(-1), cancellationToken);
        await db.DailyLoads.Where(d => d.AthleteId == athleteId && d.Day >= from).ExecuteDeleteAsync(cancellationToken);
        var anythingBefore = before is not null || await db.DailyLoads.AnyAsync(d => d.AthleteId == athleteId && d.Day < from, cancellationToken);
        if (!loads.Keys.Any(d => d >= from) && !anythingBefore)
        {
            return; // nothing counts from here on and nothing came before
        }

        var last = new[] { from, lastStored ?? from, loads.Count > 0 ? loads.Keys.Max() : from }.Max();
        var series = new double[last.DayNumber - windowStart.DayNumber + 1];
        foreach (var (day, load) in loads)
        {
            series[day.DayNumber - windowStart.DayNumber] = load;
        }

        foreach (var d in LoadModel.Compute(windowStart, series, LoadModelOptions.Default, before?.Ctl ?? 0, before?.Atl ?? 0).Where(d => d.Date >= from && Significant(d)))
        {
            db.DailyLoads.Add(DailyLoadEntry.Create(tenantId, athleteId, d.Date, d.Load, d.Ctl, d.Atl, d.Tsb, d.RampRate, d.Monotony, d.Strain, d.AcuteChronicRatio));
        }
    }

    private const int LookBackDays = 7;

    /// <summary>
    /// Below this (load units per day) fitness and fatigue are stored as nothing: months without training leave
    /// no rows, so a GPS file stamped 1901 or a ten-year break costs no storage, and a reader treats a missing
    /// day as zero — off by less than this.
    /// </summary>
    public const double Negligible = 0.01;

    private static bool Significant(DailyLoad day) => day.Load > 0 || day.Ctl >= Negligible || day.Atl >= Negligible;
}
