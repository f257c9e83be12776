using System.Globalization;
using System.Text.Encodings.Web;
using Forma.Web.Infrastructure.Endpoints;
using Microsoft.Extensions.Options;

namespace Forma.Web.Infrastructure.Problems;

/// <summary>
/// The same problem, as a page, for a person: a browser asking for a page (not the API, not the OpenAPI document)
/// that fails before any page renders — an unknown address, a form that lost its antiforgery token, another
/// business's session — gets a readable page instead of JSON. API callers, and clients that do not ask for HTML,
/// keep problem details; registered ahead of the JSON writer, so it is asked first.
/// </summary>
internal sealed class BrowserProblemPage(IOptions<ProblemDetailsOptions> options) : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) =>
        !ApiPaths.Matches(context.HttpContext.Request)
        && !context.HttpContext.Request.Path.StartsWithSegments("/openapi")
        && context.HttpContext.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    public async ValueTask WriteAsync(ProblemDetailsContext context)
    {
        // The JSON writer applies the shared customisation itself; this writer must too, for the same type and request id.
        options.Value.CustomizeProblemDetails?.Invoke(context);
        var problem = context.ProblemDetails;
        var http = context.HttpContext;
        var status = problem.Status ?? http.Response.StatusCode;
        var html = HtmlEncoder.Default;
        var home = html.Encode(http.Request.PathBase.HasValue ? http.Request.PathBase + "/" : "/");
        var requestId = problem.Extensions.TryGetValue("requestId", out var id) ? Convert.ToString(id, CultureInfo.InvariantCulture) : http.TraceIdentifier;
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8" />
              <meta name="viewport" content="width=device-width, initial-scale=1" />
              <title>{html.Encode(problem.Title ?? "Error")} · Forma</title>
              <link rel="stylesheet" href="/css/site.css" />
            </head>
            <body>
              <main id="main">
                <h1>{html.Encode(problem.Title ?? "Something went wrong.")}</h1>
                <p>{html.Encode(problem.Detail ?? "")}</p>
                <p><a class="button" href="{home}">Go to the start page</a></p>
                <p><small>Error {status.ToString(CultureInfo.InvariantCulture)} · request {html.Encode(requestId ?? "")}</small></p>
              </main>
            </body>
            </html>
            """, http.RequestAborted);
    }
}
