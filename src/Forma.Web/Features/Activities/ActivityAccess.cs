using Forma.Core.People;
using Forma.Web.Features.Accounts;
using Forma.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forma.Web.Features.Activities;

/// <summary>
/// Who may change an athlete's activities (upload, delete, merge, split) once they can see the athlete:
/// staff, API keys, and the athlete themself — not a guardian, who follows a dependent's training but does
/// not edit it.
/// </summary>
internal static class ActivityAccess
{
    public static bool MayChange(Caller caller) => caller.Role != Role.Guardian;

    public static ProblemHttpResult Forbidden() =>
        ProblemDetailsSetup.Problem(403, ProblemTypes.Forbidden, "Guardians can follow a dependent's activities but not change them.");
}
