using Forma.Core;
using Microsoft.AspNetCore.Mvc;

namespace Forma.Web.Infrastructure.Problems;

/// <summary>
/// The one translation of a refusal into problem details: the API writes it as the response, a page shows it next to
/// the form. Each <see cref="RefusalKind"/> has one status, so the page and the API cannot disagree about a refusal.
/// </summary>
public static class RefusalProblems
{
    public static int StatusOf(RefusalKind kind) => kind switch
    {
        RefusalKind.Invalid => StatusCodes.Status400BadRequest,
        RefusalKind.NotFound => StatusCodes.Status404NotFound,
        RefusalKind.Forbidden => StatusCodes.Status403Forbidden,
        RefusalKind.NotInPlan => StatusCodes.Status403Forbidden,
        RefusalKind.QuotaExceeded => StatusCodes.Status402PaymentRequired,
        RefusalKind.Conflict => StatusCodes.Status409Conflict,
        RefusalKind.Rule => StatusCodes.Status422UnprocessableEntity,
        RefusalKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        RefusalKind.Upstream => StatusCodes.Status502BadGateway,
        RefusalKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Every refusal kind needs a status."),
    };

    public static ProblemDetails From(DomainException refusal)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var status = StatusOf(refusal.Kind);
        ProblemDetails problem = refusal.Kind == RefusalKind.Invalid
            ? new HttpValidationProblemDetails(refusal.Errors.ToDictionary(e => e.Key, e => e.Value)) { Status = status, Detail = refusal.Detail }
            : new ProblemDetails { Status = status, Type = ProblemTypes.For(refusal.Code), Title = refusal.Message, Detail = refusal.Detail };
        problem.Extensions["code"] = refusal.Code;
        foreach (var (key, value) in refusal.Extensions)
        {
            problem.Extensions[key] = value;
        }

        return problem;
    }
}
