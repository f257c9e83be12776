using System.Security.Claims;
using Forma.Core.People;
using Forma.Data;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forma.Web.Features.Plans;

/// <summary>
/// The plans on sale (public, for the pricing page) and the business's usage against its plan (an HTTP adapter over
/// <see cref="GetUsage"/>).
/// </summary>
internal sealed class PlanEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/plans", (PlanCatalog catalog) => TypedResults.Ok(catalog.All.Select(PlanResponse.From).ToList()))
            .AllowAnonymous().WithTags("Plans").WithName("ListPlans").WithSummary("The plans on sale, smallest first, with prices, limits and features")
            .ProducesProblem(StatusCodes.Status500InternalServerError);
        app.MapGroup("/api/v1/usage").WithTags("Plans").RequireTenant().RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized)
            .MapGet("", Usage).WithName("GetUsage").WithSummary("This period's usage against the plan's limits (owners and admins), with past periods")
            .ProducesProblem(StatusCodes.Status403Forbidden);
    }

    private static async Task<Ok<UsageResponse>> Usage(ClaimsPrincipal user, GetUsage usage, CancellationToken cancellationToken) =>
        TypedResults.Ok(await usage.RunAsync(Caller.From(user), cancellationToken));

    /// <summary>Owners, admins and coaches take a seat; athletes and guardians do not.</summary>
    public static IQueryable<Membership> StaffSeats(FormaDbContext db) => db.Memberships.Where(m => m.Role == Role.Owner || m.Role == Role.Admin || m.Role == Role.Coach);

    /// <summary>Original files kept for the business (every upload is kept), in bytes.</summary>
    public static IQueryable<long> StoredBytes(FormaDbContext db) => db.ImportFiles.Select(f => f.Size);
}
