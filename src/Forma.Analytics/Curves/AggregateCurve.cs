namespace Forma.Analytics.Curves;

/// <summary>
/// The best of several curves per duration: <c>Values[k]</c> is the best mean over k + 1 seconds and
/// <c>SourceIndex[k]</c> the index of the input curve it came from (the earliest one on a tie).
/// </summary>
public sealed record AggregateCurve(double[] Values, int[] SourceIndex);
