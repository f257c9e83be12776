using System.Net;
using System.Text.Json;
using Forma.Data;
using Forma.Testing;

namespace Forma.Web.Tests.Health;

public class HealthTests
{
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Ready_OnAMigratedDatabase_Answers200Healthy(DatabaseProvider provider)
    {
        await using var host = await WebHost.StartAsync(provider);

        using var live = await host.Client.GetAsync("/health/live");
        using var ready = await host.Client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("row-level-security").GetProperty("status").GetString());
    }

    /// <summary>An instance whose schema is behind its code must not receive traffic, though it is alive.</summary>
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Ready_WithMigrationsNotApplied_Answers503ButLiveStays200(DatabaseProvider provider)
    {
        await using var host = await WebHost.StartAsync(provider, migrate: false);

        using var live = await host.Client.GetAsync("/health/live");
        using var ready = await host.Client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());
    }

    /// <summary>Connecting as the table owner works but silently loses row-level security: ready says so.</summary>
    [PostgresFact]
    public async Task Ready_WhenConnectedAsTheTableOwner_ReportsRowLevelSecurityDegraded()
    {
        await using var host = await WebHost.StartAsync(DatabaseProvider.Postgres, connectAsOwner: true);

        using var ready = await host.Client.GetAsync("/health/ready");

        var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Degraded", body.GetProperty("checks").GetProperty("row-level-security").GetProperty("status").GetString());
    }
}
