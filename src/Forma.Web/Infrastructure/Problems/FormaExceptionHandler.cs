using Forma.Core;
using Forma.Data.Tenancy;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Infrastructure.Problems;

/// <summary>
/// Maps exceptions to problem details in one place. Domain errors keep their code and field; a tenant
/// isolation breach is logged loudly and answered as a plain 404 that reveals nothing; anything else is a
/// 500 whose body says only that it failed and under which request id to look.
/// </summary>
internal sealed partial class FormaExceptionHandler(IProblemDetailsService problems, ILogger<FormaExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            DomainException refusal => RefusalProblems.From(refusal),
            BadHttpRequestException badRequest => RequestReadProblem.From(badRequest),
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Type = ProblemTypes.Conflict,
                Title = "Someone else changed this first.",
                Detail = "Reload and try again.",
            },
            TenantIsolationException => new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Type = ProblemTypes.NotFound,
                Title = "Not found.",
            },
            _ => new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Type = ProblemTypes.Internal,
                Title = "Something went wrong on our side.",
                Detail = "The error was logged; quote the requestId when you contact support.",
            },
        };

        if (exception is TenantIsolationException)
        {
            LogIsolationBreach(exception);
        }
        else if (problem.Status >= 500)
        {
            LogUnhandled(exception);
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Tenant isolation breach refused")]
    private partial void LogIsolationBreach(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception")]
    private partial void LogUnhandled(Exception exception);
}
