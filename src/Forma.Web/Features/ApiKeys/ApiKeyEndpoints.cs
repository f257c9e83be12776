using System.Security.Claims;
using Forma.Core.Plans;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forma.Web.Features.ApiKeys;

/// <summary>Owners and admins create, list and revoke the business's API keys: adapters over <see cref="CreateApiKey"/>, <see cref="ListApiKeys"/> and <see cref="RevokeApiKey"/>.</summary>
internal sealed class ApiKeyEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/api-keys").WithTags("API keys").RequireAuthorization().RequireTenant()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("", Create).RequireFeature(PlanFeature.ApiKeys).WithName("CreateApiKey").WithSummary("Create a key with scopes and an optional expiry; the secret is in this response only").ProducesProblem(StatusCodes.Status400BadRequest);
        group.MapGet("", List).WithName("ListApiKeys").WithSummary("The business's keys, newest first, without their secrets");
        group.MapDelete("/{id:guid}", Revoke).WithName("RevokeApiKey").WithSummary("Revoke a key; requests with it fail from now on").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Created<CreatedApiKey>> Create(CreateApiKeyRequest request, ClaimsPrincipal user, CreateApiKey create, CancellationToken cancellationToken)
    {
        var created = await create.RunAsync(Caller.From(user), request, cancellationToken);
        return TypedResults.Created($"/api/v1/api-keys/{created.Info.Id}", created);
    }

    private static async Task<Ok<List<ApiKeyInfo>>> List(ClaimsPrincipal user, ListApiKeys list, CancellationToken cancellationToken) =>
        TypedResults.Ok(await list.RunAsync(Caller.From(user), cancellationToken));

    private static async Task<NoContent> Revoke(Guid id, ClaimsPrincipal user, RevokeApiKey revoke, CancellationToken cancellationToken)
    {
        await revoke.RunAsync(Caller.From(user), id, cancellationToken);
        return TypedResults.NoContent();
    }
}
