using Forma.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Forma.Web.Pages.Shared;

/// <summary>
/// Pages that change something call the same handler the JSON API maps, so a rule is written once; this reads the
/// handler's typed result back into a value or the problem it reported.
/// </summary>
internal static class EndpointOutcome
{
    public static T? Value<T>(IResult result) where T : class => Unwrap(result) switch
    {
        Ok<T> ok => ok.Value,
        Created<T> created => created.Value,
        _ => null,
    };

    public static ProblemDetails? Problem(IResult result) => Unwrap(result) switch
    {
        ProblemHttpResult problem => problem.ProblemDetails,
        ValidationProblem validation => validation.ProblemDetails,
        IStatusCodeHttpResult { StatusCode: >= 400 } status => new ProblemDetails { Status = status.StatusCode, Title = "That did not work." },
        _ => null,
    };

    /// <summary>
    /// Runs a handler for a page. A domain rule that throws (a punch card without a validity, a name too long) would
    /// reach the API's exception handler and answer the page with JSON; here it becomes the same problem, shown on the page.
    /// </summary>
    public static async Task<IResult> RunAsync<T>(Task<T> call) where T : IResult
    {
        try
        {
            return await call;
        }
        catch (Forma.Core.DomainException domain)
        {
            return TypedResults.Problem(RefusalProblems.From(domain));
        }
    }

    /// <summary>The problem type's last segment (".../problems/mfa-required" → "mfa-required").</summary>
    public static string? Code(ProblemDetails? problem) => problem?.Type?.Split('/').LastOrDefault();

    private static IResult Unwrap(IResult result) => result is INestedHttpResult nested ? Unwrap(nested.Result) : result;
}
