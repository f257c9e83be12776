using System.Security.Claims;
using Forma.Core.Accounts;
using Forma.Core.Plans;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forma.Web.Features.Booking;

/// <summary>
/// Services and resources: everyone in the business reads them, owners and admins change them. Removing one archives it, so past appointments keep it.
/// HTTP adapters over <see cref="CreateService"/>, <see cref="ListServices"/>, <see cref="GetService"/>, <see cref="UpdateService"/>,
/// <see cref="ArchiveService"/>, <see cref="CreateResource"/>, <see cref="ListResources"/>, <see cref="UpdateResource"/> and <see cref="ArchiveResource"/>.
/// </summary>
internal sealed class CatalogueEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Booking").RequireFeature(PlanFeature.Booking).RequireTenant().ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost("/services", CreateService).RequireScope(ApiScopes.BookingsWrite).WithName("CreateService").WithSummary("Add a service (a private session or a class)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/services", ListServices).RequireScope(ApiScopes.BookingsRead).WithName("ListServices").WithSummary("The business's services, archived ones on request");
        group.MapGet("/services/{id:guid}", GetService).RequireScope(ApiScopes.BookingsRead).WithName("GetService").WithSummary("One service")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/services/{id:guid}", UpdateService).RequireScope(ApiScopes.BookingsWrite).WithName("UpdateService").WithSummary("Replace a service's terms; booked appointments keep theirs")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/services/{id:guid}", ArchiveService).RequireScope(ApiScopes.BookingsWrite).WithName("ArchiveService").WithSummary("Stop offering a service")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/resources", CreateResource).RequireScope(ApiScopes.BookingsWrite).WithName("CreateResource").WithSummary("Add a room, table, court, van…")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/resources", ListResources).RequireScope(ApiScopes.BookingsRead).WithName("ListResources").WithSummary("The business's resources");
        group.MapPut("/resources/{id:guid}", UpdateResource).RequireScope(ApiScopes.BookingsWrite).WithName("UpdateResource").WithSummary("Rename or resize a resource")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/resources/{id:guid}", ArchiveResource).RequireScope(ApiScopes.BookingsWrite).WithName("ArchiveResource").WithSummary("Stop allocating a resource")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Created<ServiceResponse>> CreateService(ServiceRequest request, ClaimsPrincipal user, CreateService create, CancellationToken cancellationToken)
    {
        var service = await create.RunAsync(Caller.From(user), request, cancellationToken);
        return TypedResults.Created($"/api/v1/services/{service.Id}", service);
    }

    private static async Task<Ok<List<ServiceResponse>>> ListServices(ClaimsPrincipal user, ListServices list, CancellationToken cancellationToken, bool includeArchived = false) =>
        TypedResults.Ok(await list.RunAsync(Caller.From(user), includeArchived, cancellationToken));

    private static async Task<Ok<ServiceResponse>> GetService(Guid id, ClaimsPrincipal user, GetService get, CancellationToken cancellationToken) =>
        TypedResults.Ok(await get.RunAsync(Caller.From(user), id, cancellationToken));

    private static async Task<Ok<ServiceResponse>> UpdateService(Guid id, ServiceRequest request, ClaimsPrincipal user, UpdateService update, CancellationToken cancellationToken) =>
        TypedResults.Ok(await update.RunAsync(Caller.From(user), id, request, cancellationToken));

    private static async Task<NoContent> ArchiveService(Guid id, ClaimsPrincipal user, ArchiveService archive, CancellationToken cancellationToken)
    {
        await archive.RunAsync(Caller.From(user), id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Created<ResourceResponse>> CreateResource(ResourceRequest request, ClaimsPrincipal user, CreateResource create, CancellationToken cancellationToken)
    {
        var resource = await create.RunAsync(Caller.From(user), request, cancellationToken);
        return TypedResults.Created($"/api/v1/resources/{resource.Id}", resource);
    }

    private static async Task<Ok<List<ResourceResponse>>> ListResources(ClaimsPrincipal user, ListResources list, CancellationToken cancellationToken, bool includeArchived = false) =>
        TypedResults.Ok(await list.RunAsync(Caller.From(user), includeArchived, cancellationToken));

    private static async Task<Ok<ResourceResponse>> UpdateResource(Guid id, ResourceRequest request, ClaimsPrincipal user, UpdateResource update, CancellationToken cancellationToken) =>
        TypedResults.Ok(await update.RunAsync(Caller.From(user), id, request, cancellationToken));

    private static async Task<NoContent> ArchiveResource(Guid id, ClaimsPrincipal user, ArchiveResource archive, CancellationToken cancellationToken)
    {
        await archive.RunAsync(Caller.From(user), id, cancellationToken);
        return TypedResults.NoContent();
    }
}
