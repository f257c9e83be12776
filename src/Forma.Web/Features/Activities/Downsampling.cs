using Forma.Formats;

namespace Forma.Web.Features.Activities;

/// <summary>
/// Thins streams for charts: <c>points</c> rows picked at even steps through the recording,
/// always keeping the first and the last, the same rows for every stream so they stay aligned.
/// (Shape-preserving selection such as largest-triangle-three-buckets is a later refinement.)
/// </summary>
internal static class Downsampling
{
    public static IReadOnlyDictionary<string, double?[]> Thin(SampleStreams streams, int? points)
    {
        var count = streams.Count;
        var rows = points is { } wanted && wanted >= 2 && wanted < count
            ? Enumerable.Range(0, wanted).Select(i => (int)Math.Round(i * (count - 1) / (double)(wanted - 1))).ToArray()
            : Enumerable.Range(0, count).ToArray();
        return streams.All.ToDictionary(
            s => s.Key,
            s => rows.Select(r => double.IsFinite(s.Value[r]) ? s.Value[r] : (double?)null).ToArray(),
            StringComparer.Ordinal);
    }
}
