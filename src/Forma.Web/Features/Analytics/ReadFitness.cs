using Forma.Analytics.Load;
using Forma.Core.Accounts;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Analytics;

/// <summary>A day of the fitness chart: the day's load, chronic (fitness) and acute (fatigue) load, form, and the risk figures.</summary>
public sealed record FitnessDay(DateOnly Date, double Load, double Ctl, double Atl, double Tsb, double RampRate, double? Monotony, double? Strain, double? AcuteChronicRatio);

/// <summary>The series for a date range, with the definition it follows.</summary>
public sealed record FitnessSeries(DateOnly From, DateOnly To, string Definition, IReadOnlyList<FitnessDay> Days);

/// <summary>
/// The daily load model of an athlete the caller sees for a range (by default the 90 days to today), read from the
/// stored series. Days after the last stored one (no activity since) are extended on read by letting fitness and
/// fatigue decay with zero load, so the chart runs to today without a nightly job.
/// </summary>
internal sealed class ReadFitness(FormaDbContext db, TimeProvider clock) : IUseCase
{
    public const string Definition = "CTL and ATL are exponentially weighted daily loads with time constants of 42 and 7 days "
        + "(X_d = X_{d-1} + (load_d - X_{d-1})(1 - e^(-1/τ))); TSB_d = CTL_{d-1} - ATL_{d-1}; ramp = CTL_d - CTL_{d-7}; "
        + "monotony and strain after Foster (1998); acute:chronic = ATL/CTL. Load is TSS (power), rTSS (pace), hrTSS or TRIMP, in that order. See docs/analytics/models.md.";

    public const int DefaultDays = 90;

    public async Task<FitnessSeries> RunAsync(Caller caller, Guid athleteId, DateOnly? from, DateOnly? to, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.ActivitiesRead);
        await AnalyticsAccess.EnsureSeesAthleteAsync(caller, db, athleteId, cancellationToken);
        var (start, end) = AnalyticsAccess.EnsureRange(from, to, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), DefaultDays);
        return new FitnessSeries(start, end, Definition, await ReadDaysAsync(db, athleteId, start, end, cancellationToken));
    }

    public static async Task<IReadOnlyList<FitnessDay>> ReadDaysAsync(FormaDbContext db, Guid athleteId, DateOnly start, DateOnly end, CancellationToken cancellationToken)
    {
        // One read in the common case: the range plus the week before it (the decay below may need that week).
        var stored = await db.DailyLoads.AsNoTracking().Where(d => d.AthleteId == athleteId && d.Day >= start.AddDays(-LookBack) && d.Day <= end)
            .ToListAsync(cancellationToken);
        var lastDay = stored.Count > 0
            ? stored.Max(d => d.Day)
            : await db.DailyLoads.Where(d => d.AthleteId == athleteId && d.Day <= end).MaxAsync(d => (DateOnly?)d.Day, cancellationToken);
        var known = stored.Where(d => d.Day >= start).Select(ToDay).ToDictionary(d => d.Date);
        if (lastDay is { } last && last < end)
        {
            var week = last.AddDays(-LookBack) >= start.AddDays(-LookBack) ? stored : await WeekBeforeAsync(db, athleteId, last, cancellationToken);
            foreach (var day in Decay(week, last, start, end))
            {
                known[day.Date] = day;
            }
        }

        // A day without a row had negligible fitness and fatigue (AnalyticsRefresh.Negligible) and no load.
        return Enumerable.Range(0, end.DayNumber - start.DayNumber + 1).Select(start.AddDays)
            .Select(date => known.TryGetValue(date, out var day) ? day : new FitnessDay(date, 0, 0, 0, 0, 0, null, null, null)).ToList();
    }

    private const int LookBack = 7;

    private static Task<List<Forma.Core.Training.DailyLoadEntry>> WeekBeforeAsync(FormaDbContext db, Guid athleteId, DateOnly last, CancellationToken cancellationToken) =>
        db.DailyLoads.AsNoTracking().Where(d => d.AthleteId == athleteId && d.Day >= last.AddDays(-LookBack) && d.Day <= last).ToListAsync(cancellationToken);

    /// <summary>
    /// Zero-load days after the last stored one. The model runs from a week before it (with that week's stored
    /// loads and the stored state the day before the week) because ramp and monotony look back seven days; a
    /// missing row there stands for negligible fitness and no load.
    /// </summary>
    private static IEnumerable<FitnessDay> Decay(List<Forma.Core.Training.DailyLoadEntry> rows, DateOnly last, DateOnly start, DateOnly end)
    {
        var windowStart = last.AddDays(-6);
        var before = rows.FirstOrDefault(d => d.Day == windowStart.AddDays(-1));
        var series = new double[end.DayNumber - windowStart.DayNumber + 1];
        foreach (var d in rows.Where(d => d.Day >= windowStart && d.Day <= last))
        {
            series[d.Day.DayNumber - windowStart.DayNumber] = d.Load;
        }

        return LoadModel.Compute(windowStart, series, LoadModelOptions.Default, before?.Ctl ?? 0, before?.Atl ?? 0)
            .Where(d => d.Date > last && d.Date >= start)
            .Select(d => new FitnessDay(d.Date, d.Load, d.Ctl, d.Atl, d.Tsb, d.RampRate, d.Monotony, d.Strain, d.AcuteChronicRatio));
    }

    private static FitnessDay ToDay(Forma.Core.Training.DailyLoadEntry d) => new(d.Day, d.Load, d.Ctl, d.Atl, d.Tsb, d.RampRate, d.Monotony, d.Strain, d.AcuteChronicRatio);
}
