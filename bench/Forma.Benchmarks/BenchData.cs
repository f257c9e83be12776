using Forma.Data;
using Forma.Data.BackgroundJobs;
using Forma.Data.Tenancy;
using Forma.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Forma.Benchmarks;

/// <summary>A job that does nothing, so a benchmark measures the queue (claim, transaction, completion) and not a handler.</summary>
public sealed record NoOpJob : IJobPayload
{
    public static string JobType => "bench.noop";
}

internal sealed class NoOpJobHandler : IJobHandler<NoOpJob>
{
    public Task HandleAsync(NoOpJob payload, JobContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The data layer wired as in production on a fresh test database.</summary>
internal static class BenchData
{
    public static ServiceProvider Services(TestDatabase database)
    {
        var settings = database.Settings();
        settings["Jobs:Enabled"] = "false";
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFormaData(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), Path.GetTempPath());
        services.AddJobHandler<NoOpJob, NoOpJobHandler>();
        return services.BuildServiceProvider();
    }

    public static (AsyncServiceScope Scope, FormaDbContext Db) Scope(ServiceProvider services, Guid? tenantId)
    {
        var scope = services.CreateAsyncScope();
        if (tenantId is { } id)
        {
            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(id);
        }

        return (scope, scope.ServiceProvider.GetRequiredService<FormaDbContext>());
    }

    public static IEnumerable<DatabaseProvider> Providers => TestDatabase.Providers;
}
