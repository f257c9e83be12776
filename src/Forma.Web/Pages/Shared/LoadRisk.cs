namespace Forma.Web.Pages.Shared;

/// <summary>How worrying an athlete's recent load is, with the reason to show a coach.</summary>
/// <remarks>
/// Thresholds: a fitness (CTL) ramp above 8 points a week is the usual ceiling for sustainable build (Friel, The
/// Cyclist's Training Bible; TrainingPeaks' guidance puts 5–8 as aggressive); an acute:chronic workload ratio above
/// 1.5 is Gabbett's "danger zone" (Br J Sports Med 2016, 50:273), 1.3–1.5 the zone to watch. Below 1 point of fitness
/// there is too little history to judge.
/// </remarks>
public sealed record LoadRisk(string Level, string Reason)
{
    public static readonly LoadRisk Unknown = new("none", "Not enough training history to judge.");

    public static LoadRisk Judge(double? rampPerWeek, double? acuteChronic, double? fitness)
    {
        if (fitness is not > 1)
        {
            return Unknown;
        }

        if (rampPerWeek > 8 || acuteChronic > 1.5)
        {
            return new("risk", rampPerWeek > 8 ? $"Fitness rose {rampPerWeek:0.0} in a week (over 8)." : $"Acute:chronic load {acuteChronic:0.00} (over 1.5).");
        }

        return rampPerWeek > 5 || acuteChronic > 1.3
            ? new("watch", rampPerWeek > 5 ? $"Fitness rose {rampPerWeek:0.0} in a week." : $"Acute:chronic load {acuteChronic:0.00}.")
            : new("ok", "Load is building within safe limits.");
    }
}
