using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forma.Data;
using Forma.Data.BackgroundJobs;
using Forma.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Forma.Web.Tests.Operations;

public class OperationsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task OpsEndpoints_WithoutTheOperatorKey_Answer401(string? key)
    {
        await using var host = await WebHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/ops/jobs");
        if (key is not null)
        {
            request.Headers.Add("X-Operator-Key", key);
        }

        using var response = await host.Client.SendAsync(request);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task OpsEndpoints_WhenNoKeyIsConfigured_AreClosedToEveryone()
    {
        await using var host = await WebHost.StartAsync(settings: new() { ["Operations:ApiKey"] = "" });

        using var response = await host.Client.SendAsync(WebHost.AsOperator(HttpMethod.Get, "/api/v1/ops/jobs"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task CreateTenant_ThenTheSameSubdomainAgain_AnswersCreatedThenConflict(DatabaseProvider provider)
    {
        await using var host = await WebHost.StartAsync(provider);
        var (id, slug) = await host.CreateTenantAsync();

        var fetched = await host.Client.SendAsync(WebHost.AsOperator(HttpMethod.Get, $"/api/v1/ops/tenants/{id}"));
        Assert.Equal(slug, (await fetched.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("subdomain").GetString());

        using var again = await host.Client.SendAsync(WebHost.AsOperator(HttpMethod.Post, "/api/v1/ops/tenants",
            new { displayName = "Copycat", subdomain = slug, plan = "pro", timeZone = "UTC" }));
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict, "subdomain-taken");
    }

    [Theory]
    [InlineData("www", "subdomain")]
    [InlineData("Bad_Name", "subdomain")]
    [InlineData("good-name", "timeZone")]
    public async Task CreateTenant_WithABadSubdomainOrZone_NamesTheField(string subdomain, string field)
    {
        await using var host = await WebHost.StartAsync();

        using var response = await host.Client.SendAsync(WebHost.AsOperator(HttpMethod.Post, "/api/v1/ops/tenants",
            new { displayName = "Studio", subdomain, plan = "pro", timeZone = field == "timeZone" ? "Moon/Base" : "UTC" }));

        var body = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task DeadLetters_AreListedForOperators_AndCanBeRetried()
    {
        await using var host = await WebHost.StartAsync();
        var deadId = await AddDeadLetteredJobAsync(host);

        using var list = await host.Client.SendAsync(WebHost.AsOperator(HttpMethod.Get, "/api/v1/ops/jobs?state=DeadLettered"));
        var jobs = await list.Content.ReadFromJsonAsync<JsonElement>();
        var dead = Assert.Single(jobs.EnumerateArray());
        Assert.Equal(deadId, dead.GetProperty("id").GetGuid());
        Assert.Contains("No handler is registered for job type 'ops-test.unhandled'", dead.GetProperty("lastError").GetString(), StringComparison.Ordinal);

        using var retry = await host.Client.SendAsync(WebHost.AsOperator(HttpMethod.Post, $"/api/v1/ops/jobs/{deadId}/retry"));
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var retried = await retry.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Queued", retried.GetProperty("state").GetString());
        Assert.Equal(0, retried.GetProperty("attempts").GetInt32());

        using var again = await host.Client.SendAsync(WebHost.AsOperator(HttpMethod.Post, $"/api/v1/ops/jobs/{deadId}/retry"));
        await ProblemAssert.IsProblemAsync(again, HttpStatusCode.Conflict, "job-not-dead-lettered");

        using var missing = await host.Client.SendAsync(WebHost.AsOperator(HttpMethod.Post, $"/api/v1/ops/jobs/{Guid.NewGuid()}/retry"));
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [InlineData("state=Exploded", "state")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1000", "limit")]
    public async Task ListJobs_WithBadQuery_NamesTheParameter(string query, string field)
    {
        await using var host = await WebHost.StartAsync();

        using var response = await host.Client.SendAsync(WebHost.AsOperator(HttpMethod.Get, $"/api/v1/ops/jobs?{query}"));

        var body = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(body.GetProperty("errors").TryGetProperty(field, out _));
    }

    /// <summary>Drives a job to the dead letters the way production does: the real runner fails its only attempt (no handler knows its type).</summary>
    private static async Task<Guid> AddDeadLetteredJobAsync(WebHost host)
    {
        await using var scope = host.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FormaDbContext>();
        var job = BackgroundJob.Create("ops-test.unhandled", "{}", null, DateTime.UtcNow.AddMinutes(-1), maxAttempts: 1);
        db.BackgroundJobs.Add(job);
        await db.SaveChangesAsync();
        Assert.True(await host.App.Services.GetRequiredService<JobRunner>().RunNextAsync(CancellationToken.None));
        return job.Id;
    }
}
