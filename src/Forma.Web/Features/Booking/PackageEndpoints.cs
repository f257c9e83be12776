using System.Security.Claims;
using Forma.Core.Accounts;
using Forma.Core.Plans;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forma.Web.Features.Booking;

/// <summary>
/// Punch cards and memberships: owners and admins define them, staff sell them (the sale is a ledger entry), and a
/// client sees what they hold — sessions left and the history of their use. Bookings spend them (see <see cref="Credits"/>).
/// HTTP adapters over <see cref="CreatePackage"/>, <see cref="ListPackages"/>, <see cref="SellPackage"/> and <see cref="ListClientPackages"/>.
/// </summary>
internal sealed class PackageEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Booking").RequireFeature(PlanFeature.Booking).RequireFeature(PlanFeature.Packages).RequireTenant().ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost("/packages", Create).RequireScope(ApiScopes.BookingsWrite).WithName("CreatePackage").WithSummary("Offer a punch card or a membership")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/packages", List).RequireScope(ApiScopes.BookingsRead).WithName("ListPackages").WithSummary("The packages on offer");
        group.MapPost("/client-packages", Sell).RequireScope(ApiScopes.BookingsWrite).WithName("SellPackage").WithSummary("Sell a package to a client (staff)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/client-packages", Holdings).RequireScope(ApiScopes.BookingsRead).WithName("ListClientPackages")
            .WithSummary("A client's packages with sessions left and their use; without a client, the caller's own").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Created<PackageResponse>> Create(PackageRequest request, ClaimsPrincipal user, CreatePackage create, CancellationToken cancellationToken)
    {
        var package = await create.RunAsync(Caller.From(user), request, cancellationToken);
        return TypedResults.Created($"/api/v1/packages/{package.Id}", package);
    }

    private static async Task<Ok<List<PackageResponse>>> List(ClaimsPrincipal user, ListPackages list, CancellationToken cancellationToken) =>
        TypedResults.Ok(await list.RunAsync(Caller.From(user), cancellationToken));

    private static async Task<Created<ClientPackageResponse>> Sell(SellPackageRequest request, ClaimsPrincipal user, SellPackage sell, CancellationToken cancellationToken)
    {
        var sold = await sell.RunAsync(Caller.From(user), request, cancellationToken);
        return TypedResults.Created($"/api/v1/client-packages?clientAthleteId={sold.ClientAthleteId}", sold);
    }

    private static async Task<Ok<List<ClientPackageResponse>>> Holdings(ClaimsPrincipal user, ListClientPackages list, CancellationToken cancellationToken,
        Guid? clientAthleteId = null, Guid? clientMembershipId = null) =>
        TypedResults.Ok(await list.RunAsync(Caller.From(user), clientAthleteId, clientMembershipId, cancellationToken));
}
