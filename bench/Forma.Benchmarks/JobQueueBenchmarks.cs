using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Forma.Data;
using Forma.Data.BackgroundJobs;
using Forma.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Forma.Benchmarks;

/// <summary>
/// Jobs per second through the database queue: each operation claims a job, runs a no-op handler in its
/// transaction and completes it, with <see cref="Workers"/> lanes draining the queue at once.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class JobQueueBenchmarks
{
    private const int JobsPerIteration = 400;
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;

    [ParamsSource(nameof(ProviderValues))]
    public DatabaseProvider Provider { get; set; }

    [Params(1, 4)]
    public int Workers { get; set; }

    public static IEnumerable<DatabaseProvider> ProviderValues => BenchData.Providers;

    [GlobalSetup]
    public void Setup()
    {
        _database = TestDatabase.CreateMigratedAsync(Provider).GetAwaiter().GetResult();
        _services = BenchData.Services(_database);
    }

    [IterationSetup]
    public void Enqueue()
    {
        var (scope, db) = BenchData.Scope(_services, null);
        using (scope)
        {
            for (var i = 0; i < JobsPerIteration; i++)
            {
                db.Enqueue(new NoOpJob(), DateTime.UtcNow);
            }

            db.SaveChanges();
        }
    }

    [Benchmark(OperationsPerInvoke = JobsPerIteration)]
    public async Task DrainQueue()
    {
        var runner = _services.GetRequiredService<JobRunner>();
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(async () =>
        {
            while (await runner.RunNextAsync(CancellationToken.None))
            {
            }
        })));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _database.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
