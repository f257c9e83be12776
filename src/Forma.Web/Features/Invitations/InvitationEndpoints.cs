using System.Security.Claims;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forma.Web.Features.Invitations;

/// <summary>
/// Bringing people in: owners invite admins and coaches, staff invite athletes and guardians. The link
/// goes only to the invited address; it is never in a response. Accepting is in <see cref="InvitationAcceptance"/>.
/// HTTP adapters over <see cref="CreateInvitation"/>, <see cref="ListInvitations"/> and <see cref="RevokeInvitation"/>.
/// </summary>
internal sealed class InvitationEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/invitations").WithTags("Invitations").RequireAuthorization().RequireTenant()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("", CreateAsync).WithName("CreateInvitation").WithSummary("Email someone an invitation to join in a role; a new invitation replaces a pending one to the same address")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("", List).WithName("ListInvitations").WithSummary("Pending invitations (owners and admins see all, coaches their own)");
        group.MapDelete("/{id:guid}", Revoke).WithName("RevokeInvitation").WithSummary("Withdraw a pending invitation; its link stops working")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Created<InvitationInfo>> CreateAsync(CreateInvitationRequest request, ClaimsPrincipal user, CreateInvitation create, CancellationToken cancellationToken)
    {
        var invitation = await create.RunAsync(Caller.From(user), request, cancellationToken);
        return TypedResults.Created($"/api/v1/invitations/{invitation.Id}", invitation);
    }

    private static async Task<Ok<List<InvitationInfo>>> List(ClaimsPrincipal user, ListInvitations list, CancellationToken cancellationToken) =>
        TypedResults.Ok(await list.RunAsync(Caller.From(user), cancellationToken));

    private static async Task<NoContent> Revoke(Guid id, ClaimsPrincipal user, RevokeInvitation revoke, CancellationToken cancellationToken)
    {
        await revoke.RunAsync(Caller.From(user), id, cancellationToken);
        return TypedResults.NoContent();
    }
}
