using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Forma.Benchmarks;

/// <summary>
/// EF Core's own counters (queries, SaveChanges calls, compiled-query cache hits and misses) read in-process, so a
/// load run can say how many queries each request cost and whether any query missed the cache (a miss compiles the
/// query again: expression trees, then the JIT).
/// </summary>
internal sealed class EfMeters : IDisposable
{
    private const string Prefix = "microsoft.entityframeworkcore.";
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, long> totals = new();

    public EfMeters()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Microsoft.EntityFrameworkCore")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        // Observable counters report running totals; plain counters report increments.
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
            totals.AddOrUpdate(instrument.Name, value, (_, old) => instrument is ObservableCounter<long> or ObservableUpDownCounter<long> ? value : old + value));
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
            totals.AddOrUpdate(instrument.Name, value, (_, old) => instrument is ObservableCounter<int> or ObservableUpDownCounter<int> ? value : old + value));
        listener.Start();
    }

    public Dictionary<string, long> Snapshot()
    {
        listener.RecordObservableInstruments();
        return totals.ToDictionary(p => p.Key.Replace(Prefix, "", StringComparison.Ordinal), p => p.Value);
    }

    /// <summary>"queries 10.2, savechanges 1.0, …" per request between two snapshots.</summary>
    public static string PerRequest(Dictionary<string, long> before, Dictionary<string, long> after, long requests) =>
        string.Join(", ", after.Where(p => p.Key != "active_dbcontexts").OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => FormattableString.Invariant($"{p.Key} {(p.Value - before.GetValueOrDefault(p.Key)) / (double)Math.Max(1, requests):0.00}")));

    public void Dispose() => listener.Dispose();
}
