using System.Text.Json;
using Forma.Web.Infrastructure.Endpoints;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Forma.Web.Features.Health;

/// <summary>
/// <c>/health/live</c>: the process runs (a load balancer restarts it when this fails).
/// <c>/health/ready</c>: it can serve (the database and schema are there); 503 otherwise, so a proxy
/// sends no traffic to an instance that would only fail it.
/// </summary>
internal sealed class HealthEndpoints : IEndpointGroup
{
    public const string ReadyTag = "ready";

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync });
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }
}
