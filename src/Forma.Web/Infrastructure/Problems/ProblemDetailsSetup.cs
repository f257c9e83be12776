using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forma.Web.Infrastructure.Problems;

public static class ProblemDetailsSetup
{
    /// <summary>
    /// Every error leaves as RFC 9457 problem details: a stable <c>type</c>, a title, the request id that
    /// ties it to the logs, and never a stack trace (the exception handler writes only our own text).
    /// </summary>
    public static IServiceCollection AddFormaProblemDetails(this IServiceCollection services)
    {
        // Writers are asked in registration order: the page for browsers first, then the framework's JSON writer.
        services.AddSingleton<IProblemDetailsWriter, BrowserProblemPage>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            var status = problem.Status ?? context.HttpContext.Response.StatusCode;
            if (problem is HttpValidationProblemDetails validation)
            {
                CamelCaseFieldNames(validation.Errors);
                problem.Type = ProblemTypes.Validation;
                problem.Title = "The request has invalid fields.";
                problem.Detail ??= "See 'errors' for what each field needs.";
            }
            else if (problem.Type is null || problem.Type.StartsWith("https://tools.ietf.org/", StringComparison.Ordinal))
            {
                problem.Type = ProblemTypes.ForStatus(status);
            }

            problem.Instance ??= context.HttpContext.Request.Path;
            problem.Extensions["requestId"] = context.HttpContext.TraceIdentifier;
            // Exception details are the exception handler's to word; the framework's own are dropped.
            problem.Extensions.Remove("exception");
        });
        services.AddExceptionHandler<FormaExceptionHandler>();
        return services;
    }

    /// <summary>
    /// Validation reports C# member names (<c>DisplayName</c>); clients sent JSON names (<c>displayName</c>),
    /// so the keys of <c>errors</c> are turned into the names the client actually used.
    /// </summary>
    private static void CamelCaseFieldNames(IDictionary<string, string[]> errors)
    {
        foreach (var key in errors.Keys.ToList())
        {
            var jsonName = string.Join('.', key.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));
            if (jsonName != key)
            {
                errors[jsonName] = errors.TryGetValue(jsonName, out var existing) ? [.. existing, .. errors[key]] : errors[key];
                errors.Remove(key);
            }
        }
    }

    /// <summary>A problem with our stable type; written through the problem-details service like every other error.</summary>
    public static ProblemHttpResult Problem(int status, string type, string title, string? detail = null) =>
        TypedResults.Problem(statusCode: status, type: type, title: title, detail: detail);

    /// <summary>A validation problem for one field, in the same shape the framework's validation produces.</summary>
    public static ValidationProblem FieldProblem(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, type: ProblemTypes.Validation);

    /// <summary>Writes a refusal from middleware (outside an endpoint), mapped like every other refusal.</summary>
    public static Task WriteRefusalAsync(this HttpContext context, Forma.Core.DomainException refusal)
    {
        var problem = RefusalProblems.From(refusal);
        context.Response.StatusCode = problem.Status!.Value;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }).AsTask();
    }

    /// <summary>Writes a problem from middleware (outside an endpoint), through the same problem-details service.</summary>
    public static Task WriteProblemAsync(this HttpContext context, int status, string type, string title, string detail)
    {
        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = status, Type = type, Title = title, Detail = detail },
        }).AsTask();
    }
}
