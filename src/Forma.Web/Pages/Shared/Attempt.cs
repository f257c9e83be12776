using Forma.Core;
using Forma.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Mvc;

namespace Forma.Web.Pages.Shared;

/// <summary>
/// Runs a use case for a page. A refusal becomes the same problem the API would answer with, shown next to the form
/// (see ProblemAlert) instead of an error page; anything else is a bug and propagates.
/// </summary>
internal static class Attempt
{
    /// <summary>A check that needs no I/O (a plan feature, a role): the problem it refuses with, or null.</summary>
    public static ProblemDetails? Check(Action check)
    {
        ArgumentNullException.ThrowIfNull(check);
        try
        {
            check();
            return null;
        }
        catch (DomainException refusal)
        {
            return RefusalProblems.From(refusal);
        }
    }

    public static async Task<ProblemDetails?> RunAsync(Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            await action();
            return null;
        }
        catch (DomainException refusal)
        {
            return RefusalProblems.From(refusal);
        }
    }

    public static async Task<Outcome<T>> RunAsync<T>(Func<Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            return new Outcome<T>(await action(), null);
        }
        catch (DomainException refusal)
        {
            return new Outcome<T>(default, RefusalProblems.From(refusal));
        }
    }
}

/// <summary>A use case's value, or the problem it was refused with.</summary>
internal readonly record struct Outcome<T>(T? Value, ProblemDetails? Problem)
{
    public bool Succeeded => Problem is null;
}
