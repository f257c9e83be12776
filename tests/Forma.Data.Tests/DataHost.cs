using Forma.Data.Tenancy;
using Forma.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Forma.Data.Tests;

/// <summary>The data layer wired exactly as the web host wires it, on a test database, without the web host.</summary>
public sealed class DataHost : IAsyncDisposable
{
    public TestDatabase Database { get; }
    public ServiceProvider Services { get; }
    public ManualClock Clock { get; }

    private DataHost(TestDatabase database, ServiceProvider services, ManualClock clock)
    {
        Database = database;
        Services = services;
        Clock = clock;
    }

    public static async Task<DataHost> StartAsync(DatabaseProvider provider, Action<IServiceCollection>? configure = null, Dictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateMigratedAsync(provider);
        return Start(database, configure, settings);
    }

    public static DataHost Start(TestDatabase database, Action<IServiceCollection>? configure = null, Dictionary<string, string?>? settings = null)
    {
        var values = database.Settings();
        values["Jobs:Enabled"] = "false";
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var clock = new ManualClock();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<TimeProvider>(clock);
        services.AddFormaData(configuration, Path.GetTempPath());
        configure?.Invoke(services);
        return new DataHost(database, services.BuildServiceProvider(), clock);
    }

    /// <summary>A unit of work acting for <paramref name="tenantId"/> (or for no tenant), as a request or a job would.</summary>
    public (AsyncServiceScope Scope, FormaDbContext Db) Scope(Guid? tenantId = null)
    {
        var scope = Services.CreateAsyncScope();
        if (tenantId is { } id)
        {
            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(id);
        }

        return (scope, scope.ServiceProvider.GetRequiredService<FormaDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
