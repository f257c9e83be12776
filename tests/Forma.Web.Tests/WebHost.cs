using System.Net.Http.Json;
using System.Text.Json;
using Forma.Data;
using Forma.Data.Tenancy;
using Forma.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Forma.Web.Tests;

/// <summary>The real application on Kestrel, on a free loopback port, over a fresh test database. Requests go over real HTTP.</summary>
public sealed class WebHost : IAsyncDisposable
{
    public const string OperatorKey = "test-operator-key-0123456789";

    public WebApplication App { get; }
    public HttpClient Client { get; }
    public TestDatabase Database { get; }

    private WebHost(WebApplication app, HttpClient client, TestDatabase database)
    {
        App = app;
        Client = client;
        Database = database;
    }

    public static async Task<WebHost> StartAsync(DatabaseProvider provider = DatabaseProvider.Sqlite, Dictionary<string, string?>? settings = null, bool migrate = true, bool connectAsOwner = false, TimeProvider? clock = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var values = database.Settings();
        values["Jobs:Enabled"] = "false";
        values["Storage:Path"] = Directory.CreateTempSubdirectory("forma-blobs-").FullName;
        if (connectAsOwner)
        {
            values["Database:ConnectionString"] = database.OwnerConnectionString;
        }

        values["Operations:ApiKey"] = OperatorKey;
        values["Database:MigrateOnStartup"] = migrate ? "true" : "false";
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        var app = FormaApp.Build([], builder =>
        {
            builder.Configuration.AddInMemoryCollection(values);
            if (clock is not null)
            {
                builder.Services.AddSingleton(clock);
            }

            builder.WebHost.UseUrls("http://127.0.0.1:0");
        });
        await FormaApp.PrepareAsync(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new WebHost(app, new HttpClient { BaseAddress = new Uri(address) }, database);
    }

    public static HttpRequestMessage AsOperator(HttpMethod method, string path, object? body = null)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Add("X-Operator-Key", OperatorKey);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return request;
    }

    /// <summary>Provisions a business through the operator API and returns its id and subdomain.</summary>
    public async Task<(Guid Id, string Slug)> CreateTenantAsync(string? slug = null)
    {
        slug ??= "t-" + Guid.NewGuid().ToString("N")[..10];
        using var response = await Client.SendAsync(AsOperator(HttpMethod.Post, "/api/v1/ops/tenants",
            new { displayName = "Test " + slug, subdomain = slug, plan = "pro", timeZone = "Europe/Madrid" }));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetGuid(), slug);
    }

    /// <summary>The app's DbContext in a scope of its own, acting for <paramref name="tenantId"/> (or for the platform), to look behind the API.</summary>
    public DbScope OpenDb(Guid? tenantId = null)
    {
        var scope = App.Services.CreateAsyncScope();
        if (tenantId is { } tenant)
        {
            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenant);
        }

        return new DbScope(scope);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }
}

/// <summary>A DbContext and the service scope it lives in; disposing ends both.</summary>
public sealed class DbScope(AsyncServiceScope scope) : IAsyncDisposable
{
    public FormaDbContext Db { get; } = scope.ServiceProvider.GetRequiredService<FormaDbContext>();

    public void Deconstruct(out DbScope scope, out FormaDbContext db) => (scope, db) = (this, Db);

    public ValueTask DisposeAsync() => scope.DisposeAsync();
}
