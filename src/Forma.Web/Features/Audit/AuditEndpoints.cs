using System.Security.Claims;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forma.Web.Features.Audit;

public sealed record AuditEntryResponse(Guid Id, long? Sequence, DateTime OccurredAt, Guid? ActorUserId, string Action, string? TargetId, string? Details, string? Hash);

public sealed record AuditPage(IReadOnlyList<AuditEntryResponse> Items, long? NextBefore);

/// <summary>The result of checking the whole chain; <c>BrokenEntryId</c> names the first entry that does not hold.</summary>
public sealed record AuditVerification(bool Valid, int Entries, Guid? BrokenEntryId, long? BrokenSequence, string? Reason);

internal static class AuditAccess
{
    public const string ManagersOnly = "Only owners and admins read the audit log.";
}

/// <summary>
/// The business's audit log, for its owners and admins: newest first, and a check that nothing in it was altered.
/// HTTP adapters over <see cref="ListAudit"/> and <see cref="VerifyAudit"/>.
/// </summary>
internal sealed class AuditEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization().RequireTenant()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("", List).WithName("ListAudit").WithSummary("Audit entries, newest first, filtered by action prefix").ProducesValidationProblem();
        group.MapGet("/verify", Verify).WithName("VerifyAudit").WithSummary("Recompute the hash chain and name the first entry that was altered or removed");
    }

    private static async Task<Ok<AuditPage>> List(ClaimsPrincipal user, ListAudit list, CancellationToken cancellationToken, string? action = null, long? before = null, int limit = 50) =>
        TypedResults.Ok(await list.RunAsync(Caller.From(user), new AuditQuery(action, before, limit), cancellationToken));

    private static async Task<Ok<AuditVerification>> Verify(ClaimsPrincipal user, VerifyAudit verify, CancellationToken cancellationToken) =>
        TypedResults.Ok(await verify.RunAsync(Caller.From(user), cancellationToken));
}
