namespace Forma.Analytics.Models;

/// <summary>
/// Least squares for P(t) = CP + W′/(t + τ): for a fixed τ the model is linear in CP and W′, so the residual
/// sum of squares is a function of τ alone, minimised over a logarithmic grid and refined by golden-section
/// search (docs/analytics/models.md §3.2).
/// </summary>
internal static class MortonFit
{
    private const double MinTau = 0.01, MaxTau = 1000;
    private const int GridPoints = 160;
    private const int GoldenIterations = 80;

    /// <summary>(CP, W′, τ, standard error of CP given τ), or null when the best fit is not physiological.</summary>
    public static (double Cp, double WPrime, double Tau, double CpStandardError)? Fit(List<(double Seconds, double Watts)> efforts)
    {
        var seconds = efforts.Select(e => e.Seconds).ToArray();
        var watts = efforts.Select(e => e.Watts).ToArray();
        var x = new double[seconds.Length];

        double Residual(double logTau) => At(seconds, watts, x, Math.Exp(logTau)).ResidualSumOfSquares;

        var lo = Math.Log(MinTau);
        var step = (Math.Log(MaxTau) - lo) / (GridPoints - 1);
        var bestIndex = 0;
        var bestResidual = double.PositiveInfinity;
        for (var i = 0; i < GridPoints; i++)
        {
            var r = Residual(lo + (i * step));
            if (r < bestResidual)
            {
                bestResidual = r;
                bestIndex = i;
            }
        }

        if (bestIndex == 0 || bestIndex == GridPoints - 1)
        {
            return null;
        }

        var logTau = GoldenSection(Residual, lo + ((bestIndex - 1) * step), lo + ((bestIndex + 1) * step));
        var tau = Math.Exp(logTau);
        var fit = At(seconds, watts, x, tau);
        if (fit.Intercept <= 0 || fit.Slope <= 0)
        {
            return null;
        }

        return (fit.Intercept, fit.Slope, tau, fit.InterceptStandardError(3));
    }

    private static LinearFit At(double[] seconds, double[] watts, double[] x, double tau)
    {
        for (var i = 0; i < seconds.Length; i++)
        {
            x[i] = 1.0 / (seconds[i] + tau);
        }

        return LinearFit.Of(x, watts);
    }

    private static double GoldenSection(Func<double, double> f, double a, double b)
    {
        var ratio = (Math.Sqrt(5) - 1) / 2;
        var c = b - (ratio * (b - a));
        var d = a + (ratio * (b - a));
        double fc = f(c), fd = f(d);
        for (var i = 0; i < GoldenIterations; i++)
        {
            if (fc < fd)
            {
                b = d;
                d = c;
                fd = fc;
                c = b - (ratio * (b - a));
                fc = f(c);
            }
            else
            {
                a = c;
                c = d;
                fc = fd;
                d = a + (ratio * (b - a));
                fd = f(d);
            }
        }

        return (a + b) / 2;
    }
}
