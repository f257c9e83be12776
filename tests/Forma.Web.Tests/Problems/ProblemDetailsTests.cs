using System.Net;
using System.Text;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Tests.Problems;

public class ProblemDetailsTests
{
    [Fact]
    public async Task UnknownRoute_AnswersANotFoundProblem()
    {
        await using var host = await WebHost.StartAsync();

        using var response = await host.Client.GetAsync("/api/v1/no-such-thing");

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task WrongMethod_AnswersAMethodNotAllowedProblem()
    {
        await using var host = await WebHost.StartAsync();

        using var response = await host.Client.SendAsync(WebHost.AsOperator(HttpMethod.Delete, "/api/v1/ops/jobs"));

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.MethodNotAllowed, "method-not-allowed");
    }

    [Fact]
    public async Task MalformedJson_AnswersABadRequestProblemWithoutInternals()
    {
        await using var host = await WebHost.StartAsync();
        var request = WebHost.AsOperator(HttpMethod.Post, "/api/v1/ops/tenants");
        request.Content = new StringContent("{ \"displayName\": ", Encoding.UTF8, "application/json");

        using var response = await host.Client.SendAsync(request);

        // The field where the JSON broke off is named, as for any other invalid field.
        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("displayName", out _), problem.GetRawText());
    }

    /// <summary>A failure we did not foresee (here: the database lost a table) is a 500 problem that says nothing of the internals.</summary>
    [Fact]
    public async Task UnexpectedFailure_AnswersAnInternalProblemWithoutDetails()
    {
        await using var host = await WebHost.StartAsync();
        await using (var owner = DatabaseMigrator.CreateOwnerContext(DatabaseProvider.Sqlite, host.Database.OwnerConnectionString))
        {
            await owner.Database.ExecuteSqlRawAsync("DROP TABLE background_jobs");
        }

        using var response = await host.Client.SendAsync(WebHost.AsOperator(HttpMethod.Get, "/api/v1/ops/jobs"));

        var body = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.InternalServerError, "internal");
        var text = body.ToString();
        Assert.DoesNotContain("background_jobs", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SQLite", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task MissingFields_AnswerAValidationProblemNamingEachField()
    {
        await using var host = await WebHost.StartAsync();

        using var response = await host.Client.SendAsync(WebHost.AsOperator(HttpMethod.Post, "/api/v1/ops/tenants", new { displayName = "", plan = "Gold Plan!" }));

        var body = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        var errors = body.GetProperty("errors");
        foreach (var field in new[] { "displayName", "subdomain", "plan", "timeZone" })
        {
            Assert.True(errors.TryGetProperty(field, out var messages) && messages.GetArrayLength() > 0, $"no error for '{field}' in {errors}");
        }
    }
}
