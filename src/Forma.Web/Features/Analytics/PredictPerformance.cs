using Forma.Analytics.Metrics;
using Forma.Analytics.Models;
using Forma.Core.Accounts;
using Forma.Core.Plans;
using Forma.Core.Training;
using Forma.Data;
using Forma.Formats;

namespace Forma.Web.Features.Analytics;

/// <summary>A prediction, or why there is none (the inputs the model needs are missing).</summary>
public sealed record PredictionResult(string Target, Prediction? Prediction, string? Missing);

public sealed record PowerModelResult(CriticalPowerFit? TwoParameter, string? TwoParameterMissing, CriticalPowerFit? ThreeParameter, string? ThreeParameterMissing, double? EstimatedFtp, string? EstimatedFtpMissing);

/// <summary>What the athlete can do: CP/W′ fits and eFTP from the power curve, power for set durations, race times for running distances.</summary>
public sealed record PredictionsResponse(DateOnly From, DateOnly To, PowerModelResult Power, IReadOnlyList<PredictionResult> PowerEfforts, IReadOnlyList<PredictionResult> Running);

/// <summary>
/// The performance predictor: power models from the best power curve of the last 90 days, running predictions
/// (Riegel with the athlete's own fatigue exponent, and Daniels' VDOT) from the running bests of the last year.
/// Every figure names its model and inputs and carries a range; a missing one says what it lacks.
/// </summary>
internal sealed class PredictPerformance(FormaDbContext db, PlanGate plan, TimeProvider clock) : IUseCase
{
    private static readonly IReadOnlyList<(string Name, double Metres)> Races = [("5 km", 5000), ("10 km", 10000), ("half marathon", 21097.5), ("marathon", 42195)];
    private static readonly IReadOnlyList<(string Name, double Seconds)> Efforts = [("5 min", 300), ("20 min", 1200), ("60 min", 3600)];

    public async Task<PredictionsResponse> RunAsync(Caller caller, Guid athleteId, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.ActivitiesRead);
        plan.EnsureFeature(PlanFeature.AdvancedAnalytics);
        await AnalyticsAccess.EnsureSeesAthleteAsync(caller, db, athleteId, cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var (curve, _) = await CurveEndpoints.BestCurveAsync(db, athleteId, StreamNames.Power, today.AddDays(-89), today, cancellationToken);
        var power = PowerModels(curve?.Values);
        var fit = power.ThreeParameter ?? power.TwoParameter;
        var efforts = Efforts.Select(e => fit is null
            ? new PredictionResult(e.Name, null, power.TwoParameterMissing ?? "No power data in the last 90 days.")
            : new PredictionResult(e.Name, PowerPredictor.Power(fit, e.Seconds, out var why), why)).ToList();

        var bests = (await CurveEndpoints.StandingBestsAsync(db, athleteId, today.AddDays(-364), today, cancellationToken))
            .Where(b => b.Key.StartsWith("run-", StringComparison.Ordinal))
            .Select(b => (Metres: RunningMetres(b.Key), b.Value)).Where(b => b.Metres > 0).ToList();
        var running = new List<PredictionResult>();
        foreach (var (name, metres) in Races)
        {
            var riegel = RacePredictor.Riegel(bests, metres, out var whyRiegel);
            var vdot = RacePredictor.Vdot(bests, metres, out var whyVdot);
            running.Add(new PredictionResult(name + " (Riegel)", riegel, whyRiegel));
            running.Add(new PredictionResult(name + " (VDOT)", vdot, whyVdot));
        }

        return new PredictionsResponse(today.AddDays(-89), today, power, efforts, running);
    }

    private static PowerModelResult PowerModels(double[]? curve)
    {
        if (curve is null)
        {
            const string none = "No power data in the last 90 days.";
            return new PowerModelResult(null, none, null, none, null, none);
        }

        var two = CriticalPowerModels.FromCurve(curve, out var whyTwo);
        var three = CriticalPowerModels.ThreeParameterFromCurve(curve, out var whyThree);
        var eftp = CriticalPowerModels.EstimatedFtp(curve, out var whyFtp);
        return new PowerModelResult(two, whyTwo, three, whyThree, eftp, whyFtp);
    }

    /// <summary>The distance a running best key stands for (<c>run-5000m</c> → 5000; the mile and half marathon keys carry rounded metres).</summary>
    private static double RunningMetres(string key) =>
        BestEfforts.RunningDistances.FirstOrDefault(d => BestKeys.Running(d) == key);
}
