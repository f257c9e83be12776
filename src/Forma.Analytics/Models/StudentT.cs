namespace Forma.Analytics.Models;

/// <summary>Two-sided 95 % quantiles of Student's t distribution (standard tables; docs/analytics/models.md §3.4).</summary>
internal static class StudentT
{
    private static readonly double[] _quantile975 =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
        2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
        2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    /// <summary>t₀.₉₇₅ for <paramref name="degreesOfFreedom"/> ≥ 1; beyond 30 the first Cornish–Fisher term over z = 1.96.</summary>
    public static double Quantile975(int degreesOfFreedom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(degreesOfFreedom, 1);
        if (degreesOfFreedom <= _quantile975.Length)
        {
            return _quantile975[degreesOfFreedom - 1];
        }

        const double Z = 1.959964;
        return Z + (((Z * Z * Z) + Z) / (4.0 * degreesOfFreedom));
    }
}
