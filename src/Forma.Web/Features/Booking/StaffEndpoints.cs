using System.Security.Claims;
using Forma.Core.Accounts;
using Forma.Core.Plans;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forma.Web.Features.Booking;

/// <summary>
/// Staff calendars: which owners, admins and coaches are bookable, for what, when (weekly hours in their own zone)
/// and the dated exceptions. Owners and admins set anyone's; a coach sets their own. HTTP adapters over
/// <see cref="ListStaff"/>, <see cref="PutStaffProfile"/>, <see cref="ListStaffExceptions"/>, <see cref="AddStaffException"/> and <see cref="RemoveStaffException"/>.
/// </summary>
internal sealed class StaffEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/staff").WithTags("Booking").RequireFeature(PlanFeature.Booking).RequireTenant().ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("", List).RequireScope(ApiScopes.BookingsRead).WithName("ListStaff").WithSummary("Staff members with a calendar");
        group.MapPut("/{membershipId:guid}", Put).RequireScope(ApiScopes.BookingsWrite).WithName("PutStaffProfile").WithSummary("Set a staff member's zone, skills, services and weekly hours")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{membershipId:guid}/exceptions", ListExceptions).RequireScope(ApiScopes.BookingsRead).WithName("ListStaffExceptions").WithSummary("Time off and extra hours from a date on")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{membershipId:guid}/exceptions", AddException).RequireScope(ApiScopes.BookingsWrite).WithName("AddStaffException").WithSummary("Add time off or extra hours")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{membershipId:guid}/exceptions/{id:guid}", RemoveException).RequireScope(ApiScopes.BookingsWrite).WithName("RemoveStaffException").WithSummary("Remove an exception")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Ok<List<StaffProfileResponse>>> List(ClaimsPrincipal user, ListStaff list, CancellationToken cancellationToken) =>
        TypedResults.Ok(await list.RunAsync(Caller.From(user), cancellationToken));

    private static async Task<Ok<StaffProfileResponse>> Put(Guid membershipId, StaffProfileRequest request, ClaimsPrincipal user, PutStaffProfile put, CancellationToken cancellationToken) =>
        TypedResults.Ok(await put.RunAsync(Caller.From(user), membershipId, request, cancellationToken));

    private static async Task<Ok<List<StaffExceptionResponse>>> ListExceptions(
        Guid membershipId, ClaimsPrincipal user, ListStaffExceptions list, CancellationToken cancellationToken, DateOnly? from = null) =>
        TypedResults.Ok(await list.RunAsync(Caller.From(user), membershipId, from, cancellationToken));

    private static async Task<Created<StaffExceptionResponse>> AddException(
        Guid membershipId, StaffExceptionRequest request, ClaimsPrincipal user, AddStaffException add, CancellationToken cancellationToken)
    {
        var exception = await add.RunAsync(Caller.From(user), membershipId, request, cancellationToken);
        return TypedResults.Created($"/api/v1/staff/{membershipId}/exceptions/{exception.Id}", exception);
    }

    private static async Task<NoContent> RemoveException(Guid membershipId, Guid id, ClaimsPrincipal user, RemoveStaffException remove, CancellationToken cancellationToken)
    {
        await remove.RunAsync(Caller.From(user), membershipId, id, cancellationToken);
        return TypedResults.NoContent();
    }
}
