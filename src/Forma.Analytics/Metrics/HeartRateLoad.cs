using Forma.Analytics.Physiology;

namespace Forma.Analytics.Metrics;

/// <summary>
/// Banister's training impulse (Banister 1991, "Modeling elite athletic performance", in <i>Physiological Testing
/// of Elite Athletes</i>; weighting as in Morton, Fitz-Clarke &amp; Banister 1990): Σ Δt[min] · HRr · k · e^(b·HRr),
/// HRr = (HR − rest) / (max − rest), k = 0.64, b = 1.92 for men and k = 0.86, b = 1.67 for women. docs/analytics/metrics.md.
/// </summary>
internal static class HeartRateLoad
{
    /// <summary>TRIMP over recorded intervals with a heart rate; HRr below rest counts 0. Null without a reading.</summary>
    public static double? Trimp(double[] time, double[]? heartRate, int from, int to, double rest, double max, Sex sex)
    {
        if (heartRate is null || max <= rest)
        {
            return null;
        }

        var (k, b) = Weighting(sex);
        double sum = 0;
        var any = false;
        for (var i = from + 1; i < to; i++)
        {
            var dt = Recording.Dt(time, i);
            if (dt > 0 && double.IsFinite(heartRate[i]))
            {
                var r = Math.Max(0, (heartRate[i] - rest) / (max - rest));
                sum += dt / 60 * r * k * Math.Exp(b * r);
                any = true;
            }
        }

        return any ? sum : null;
    }

    /// <summary>
    /// hrTSS: TRIMP as a share of one hour at lactate-threshold heart rate, × 100 — so an hour at LTHR is 100,
    /// the same anchor as power TSS.
    /// </summary>
    public static double HeartRateTss(double trimp, double lthr, double rest, double max, Sex sex)
    {
        var (k, b) = Weighting(sex);
        var r = Math.Max(0, (lthr - rest) / (max - rest));
        return trimp / (60 * r * k * Math.Exp(b * r)) * 100;
    }

    private static (double K, double B) Weighting(Sex sex) => sex switch
    {
        Sex.Male => (0.64, 1.92),
        Sex.Female => (0.86, 1.67),
    };
}
