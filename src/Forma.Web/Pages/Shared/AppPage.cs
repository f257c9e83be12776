using Microsoft.AspNetCore.Components;

namespace Forma.Web.Pages.Shared;

/// <summary>What every signed-in page needs: the request, who is looking and how they read dates and units.</summary>
public abstract class AppPage : ComponentBase
{
    [CascadingParameter] public HttpContext HttpContext { get; set; } = default!;

    [Inject] protected NavigationManager Navigation { get; set; } = default!;

    internal Viewer Viewer => viewer ??= Viewer.From(HttpContext);

    internal Caller Me => Viewer.Caller ?? throw new InvalidOperationException("An app page rendered without a signed-in person.");

    protected CancellationToken Aborted => HttpContext.RequestAborted;

    /// <summary>Answers 404 for something that does not exist or that this person may not see (the same answer, so existence does not leak).</summary>
    protected void RespondNotFound() => HttpContext.Response.StatusCode = StatusCodes.Status404NotFound;

    private Viewer? viewer;
}
