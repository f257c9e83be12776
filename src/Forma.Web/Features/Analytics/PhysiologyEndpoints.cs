using System.Security.Claims;
using Forma.Core.Accounts;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forma.Web.Features.Analytics;

/// <summary>HTTP adapters over <see cref="ListPhysiology"/>, <see cref="SetPhysiology"/> and <see cref="RemovePhysiologyEntry"/>.</summary>
internal sealed class PhysiologyEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/athletes/{athleteId:guid}/physiology").WithTags("Analytics").RequireTenant()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("", List).RequireScope(ApiScopes.AthletesRead).WithName("GetPhysiology").WithSummary("The athlete's physiology history and the values in force today");
        group.MapPost("", Set).RequireScope(ApiScopes.AthletesWrite).WithName("SetPhysiology")
            .WithSummary("Set values from a date on (a second change on the same date replaces that day's entry); later activities are re-analysed")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapDelete("/{entryId:guid}", Remove).RequireScope(ApiScopes.AthletesWrite).WithName("DeletePhysiologyEntry").WithSummary("Remove an entry; activities from its date on are re-analysed");
    }

    private static async Task<Ok<PhysiologyHistory>> List(Guid athleteId, ClaimsPrincipal user, ListPhysiology list, CancellationToken cancellationToken) =>
        TypedResults.Ok(await list.RunAsync(Caller.From(user), athleteId, cancellationToken));

    private static async Task<Created<PhysiologyEntryResponse>> Set(Guid athleteId, PhysiologyRequest request, ClaimsPrincipal user, SetPhysiology set, CancellationToken cancellationToken) =>
        TypedResults.Created($"/api/v1/athletes/{athleteId}/physiology", await set.RunAsync(Caller.From(user), athleteId, request, cancellationToken));

    private static async Task<NoContent> Remove(Guid athleteId, Guid entryId, ClaimsPrincipal user, RemovePhysiologyEntry remove, CancellationToken cancellationToken)
    {
        await remove.RunAsync(Caller.From(user), athleteId, entryId, cancellationToken);
        return TypedResults.NoContent();
    }
}
