using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

namespace Forma.Web.Infrastructure.Problems;

/// <summary>
/// A request the framework could not bind (JSON of the wrong shape, a query value that does not parse) becomes a
/// 400 naming the field, like every other validation problem, so a client learns what to fix without a stack trace
/// or a .NET type name. Other statuses the framework chose (413, 415) keep their own problem.
/// </summary>
internal static partial class RequestReadProblem
{
    public static ProblemDetails From(BadHttpRequestException badRequest)
    {
        if (badRequest.StatusCode != StatusCodes.Status400BadRequest)
        {
            return new ProblemDetails
            {
                Status = badRequest.StatusCode,
                Type = ProblemTypes.ForStatus(badRequest.StatusCode),
                Title = "The request could not be read.",
                Detail = badRequest.Message,
            };
        }

        var (field, message) = badRequest.InnerException is JsonException json
            ? (FieldOf(json.Path), json.Path is null or "$" ? "The body is not JSON of the shape this operation takes." : "Not a valid value of the type the OpenAPI document declares for this field.")
            : ParameterOf(badRequest.Message);
        return new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Extensions = { ["code"] = "unreadable" },
        };
    }

    /// <summary><c>$.participants[0].athleteId</c> → <c>participants[0].athleteId</c>; the whole body is <c>body</c>.</summary>
    private static string FieldOf(string? path) =>
        path is null || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static (string Field, string Message) ParameterOf(string message)
    {
        if (message.Contains("body", StringComparison.OrdinalIgnoreCase))
        {
            return ("body", "A JSON body is required.");
        }

        var match = ParameterName().Match(message);
        return match.Success
            ? (match.Groups["name"].Value, message.StartsWith("Required", StringComparison.Ordinal) ? "Required." : "Not a valid value of the type the OpenAPI document declares.")
            : ("request", "The request could not be read.");
    }

    // The framework words these as: Failed to bind parameter "DateOnly? from" from "abc". / Required parameter "Guid serviceId" was not provided from query string.
    [GeneratedRegex("parameter \"(?:[^\"]* )?(?<name>[^\" ]+)\"", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex ParameterName();
}
