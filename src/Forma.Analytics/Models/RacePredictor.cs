namespace Forma.Analytics.Models;

/// <summary>
/// Race-time predictions from an athlete's best performances (docs/analytics/models.md §4–5). Each method has an
/// overload with <c>out string? whyMissing</c>: null exactly when a prediction is returned.
/// </summary>
public static class RacePredictor
{
    public const string RiegelModel = "Riegel";
    public const string VdotModel = "VDOT";

    /// <summary>Riegel's (1981) exponent for running, used when the athlete's bests cannot give their own.</summary>
    public const double DefaultRiegelExponent = 1.06;

    /// <summary>Half-width of the exponent range around the default (1.03–1.09), and around an exponent fitted from two bests.</summary>
    public const double DefaultExponentSpread = 0.03, TwoBestExponentSpread = 0.02;

    /// <summary>Fitted exponents outside this range mean inconsistent bests (pace cannot rise with distance), and the default is used.</summary>
    public const double MinFittedExponent = 1.0, MaxFittedExponent = 1.2;

    /// <summary>Bests are fitted only when their distances span at least this ratio; closer ones cannot pin an exponent.</summary>
    public const double MinDistanceRatio = 1.5;

    /// <summary>The distances Daniels' tables cover: 1500 m to the marathon (a little slack for measured courses).</summary>
    public const double VdotMinMetres = 1500, VdotMaxMetres = 42_195 * 1.01;

    /// <summary>The least VDOT half-width of a range: Daniels' tables step in whole VDOT.</summary>
    public const double VdotHalfStep = 0.5;

    public static Prediction? Riegel(IReadOnlyList<(double Metres, double Seconds)> bests, double targetMetres) =>
        Riegel(bests, targetMetres, out _);

    /// <summary>
    /// T₂ = T₁·(D₂/D₁)^b from the best nearest the target; b fitted by least squares of ln T on ln D when the bests
    /// span distances ×1.5 or more and the fit lies in 1.0–1.2, else 1.06. Range: b ± (t·SE(b), at least 0.01;
    /// ±0.02 from two bests; ±0.03 for the default), together with the prediction from every best.
    /// </summary>
    public static Prediction? Riegel(IReadOnlyList<(double Metres, double Seconds)> bests, double targetMetres, out string? whyMissing)
    {
        var usable = RaceBests.Usable(bests);
        if (usable.Count == 0 || !(targetMetres > 0))
        {
            whyMissing = "A Riegel prediction needs at least one best performance and a target distance above zero.";
            return null;
        }

        var (b, spread, how) = RiegelExponent(usable);
        var anchor = RaceBests.Anchor(usable, targetMetres);
        double At(double metres, double seconds, double exponent) => seconds * Math.Pow(targetMetres / metres, exponent);
        var candidates = usable.Select(x => At(x.Metres, x.Seconds, b))
            .Append(At(anchor.Metres, anchor.Seconds, b - spread))
            .Append(At(anchor.Metres, anchor.Seconds, b + spread)).ToList();
        var seconds = At(anchor.Metres, anchor.Seconds, b);
        whyMissing = null;
        return new Prediction(
            RiegelModel, targetMetres, seconds, candidates.Min(), candidates.Max(),
            new Dictionary<string, double>
            {
                ["exponent"] = b,
                ["exponentSpread"] = spread,
                ["anchorMetres"] = anchor.Metres,
                ["anchorSeconds"] = anchor.Seconds,
                ["bests"] = usable.Count,
            },
            $"Riegel T2 = T1·(D2/D1)^b from your {RaceBests.Number(anchor.Metres, "0")} m in {RaceBests.Clock(anchor.Seconds)}, " +
            $"b = {RaceBests.Number(b, "0.000")} ({how}); range from b ± {RaceBests.Number(spread, "0.000")} and your other bests.");
    }

    public static Prediction? Vdot(IReadOnlyList<(double Metres, double Seconds)> bests, double targetMetres) =>
        Vdot(bests, targetMetres, out _);

    /// <summary>
    /// Daniels' equivalent performance: VDOT of the best nearest the target, solved for the target distance.
    /// Range: the predictions from the lowest and highest VDOT among the bests, at least ±0.5 VDOT.
    /// </summary>
    public static Prediction? Vdot(IReadOnlyList<(double Metres, double Seconds)> bests, double targetMetres, out string? whyMissing)
    {
        var usable = RaceBests.Usable(bests, VdotMinMetres - 1e-9, VdotMaxMetres);
        if (usable.Count == 0 || !(targetMetres >= VdotMinMetres && targetMetres <= VdotMaxMetres))
        {
            whyMissing = "A VDOT prediction needs a best performance and a target between 1500 m and the marathon, the distances Daniels' tables cover.";
            return null;
        }

        var anchor = RaceBests.Anchor(usable, targetMetres);
        var vdot = Models.Vdot.FromRace(anchor.Metres, anchor.Seconds);
        var all = usable.Select(x => Models.Vdot.FromRace(x.Metres, x.Seconds)).ToList();
        var low = Math.Min(all.Min(), vdot - VdotHalfStep);
        var high = Math.Max(all.Max(), vdot + VdotHalfStep);
        whyMissing = null;
        return new Prediction(
            VdotModel, targetMetres, Models.Vdot.PredictSeconds(vdot, targetMetres),
            Models.Vdot.PredictSeconds(high, targetMetres), Models.Vdot.PredictSeconds(low, targetMetres),
            new Dictionary<string, double>
            {
                ["vdot"] = vdot,
                ["vdotLow"] = low,
                ["vdotHigh"] = high,
                ["anchorMetres"] = anchor.Metres,
                ["anchorSeconds"] = anchor.Seconds,
            },
            $"Daniels VDOT {RaceBests.Number(vdot, "0.0")} from your {RaceBests.Number(anchor.Metres, "0")} m in {RaceBests.Clock(anchor.Seconds)}; " +
            $"range from VDOT {RaceBests.Number(low, "0.0")}–{RaceBests.Number(high, "0.0")}.");
    }

    private static (double Exponent, double Spread, string How) RiegelExponent(List<(double Metres, double Seconds)> bests)
    {
        var shortest = bests.Min(x => x.Metres);
        var longest = bests.Max(x => x.Metres);
        if (longest / shortest < MinDistanceRatio)
        {
            return (DefaultRiegelExponent, DefaultExponentSpread, "Riegel's running exponent: your bests do not span distances enough to fit your own");
        }

        var fit = LinearFit.Of(
            bests.Select(x => Math.Log(x.Metres)).ToArray(),
            bests.Select(x => Math.Log(x.Seconds)).ToArray());
        if (fit.Slope is < MinFittedExponent or > MaxFittedExponent)
        {
            return (DefaultRiegelExponent, DefaultExponentSpread, $"Riegel's running exponent: your bests gave {RaceBests.Number(fit.Slope, "0.000")}, outside 1.0–1.2");
        }

        var spread = bests.Count > 2
            ? Math.Max(0.01, StudentT.Quantile975(bests.Count - 2) * fit.SlopeStandardError(2))
            : TwoBestExponentSpread;
        return (fit.Slope, spread, $"fitted from your {bests.Count} bests");
    }
}
