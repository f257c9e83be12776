using System.Security.Claims;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forma.Web.Features.Members;

/// <summary>
/// The people of the business and their roles. Staff list them; owners change roles; owners remove
/// anyone, admins remove coaches, athletes and guardians, and anyone may leave — except the last owner.
/// HTTP adapters over <see cref="ListMembers"/>, <see cref="ChangeMemberRole"/> and <see cref="RemoveMember"/>.
/// </summary>
internal sealed class MemberEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/members").WithTags("Members").RequireAuthorization().RequireTenant()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("", List).WithName("ListMembers").WithSummary("Everyone who belongs to the business, with their roles");
        group.MapPut("/{id:guid}/role", ChangeRole).WithName("ChangeMemberRole").WithSummary("Give a member another role (owners only)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:guid}", Remove).WithName("RemoveMember").WithSummary("Take a member out of the business, or leave it yourself")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<List<MemberInfo>>> List(ClaimsPrincipal user, ListMembers list, CancellationToken cancellationToken) =>
        TypedResults.Ok(await list.RunAsync(Caller.From(user), cancellationToken));

    private static async Task<Ok<MemberInfo>> ChangeRole(Guid id, ChangeRoleRequest request, ClaimsPrincipal user, ChangeMemberRole change, CancellationToken cancellationToken) =>
        TypedResults.Ok(await change.RunAsync(Caller.From(user), id, request, cancellationToken));

    private static async Task<NoContent> Remove(Guid id, ClaimsPrincipal user, RemoveMember remove, CancellationToken cancellationToken)
    {
        await remove.RunAsync(Caller.From(user), id, cancellationToken);
        return TypedResults.NoContent();
    }
}
