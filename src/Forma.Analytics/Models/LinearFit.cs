namespace Forma.Analytics.Models;

/// <summary>Ordinary least squares y = Intercept + Slope·x, with the standard errors of both coefficients.</summary>
internal sealed record LinearFit(double Slope, double Intercept, double ResidualSumOfSquares, int Points, double XMean, double Sxx)
{
    public static LinearFit Of(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var n = x.Length;
        double xMean = 0, yMean = 0;
        for (var i = 0; i < n; i++)
        {
            xMean += x[i];
            yMean += y[i];
        }

        xMean /= n;
        yMean /= n;
        double sxx = 0, sxy = 0;
        for (var i = 0; i < n; i++)
        {
            sxx += (x[i] - xMean) * (x[i] - xMean);
            sxy += (x[i] - xMean) * (y[i] - yMean);
        }

        var slope = sxy / sxx;
        var intercept = yMean - (slope * xMean);
        var rss = 0.0;
        for (var i = 0; i < n; i++)
        {
            var r = y[i] - intercept - (slope * x[i]);
            rss += r * r;
        }

        return new LinearFit(slope, intercept, rss, n, xMean, sxx);
    }

    /// <summary>Residual variance with <paramref name="parameters"/> fitted parameters; NaN without residual degrees of freedom.</summary>
    public double ResidualVariance(int parameters) =>
        Points > parameters ? ResidualSumOfSquares / (Points - parameters) : double.NaN;

    public double SlopeStandardError(int parameters) => Math.Sqrt(ResidualVariance(parameters) / Sxx);

    public double InterceptStandardError(int parameters) =>
        Math.Sqrt(ResidualVariance(parameters) * ((1.0 / Points) + (XMean * XMean / Sxx)));
}
