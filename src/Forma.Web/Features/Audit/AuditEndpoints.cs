using System.Security.Claims;
using Forma.Core.Audit;
using Forma.Data;
using Forma.Data.Audit;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Audit;

public sealed record AuditEntryResponse(Guid Id, long? Sequence, DateTime OccurredAt, Guid? ActorUserId, string Action, string? TargetId, string? Details, string? Hash);

public sealed record AuditPage(IReadOnlyList<AuditEntryResponse> Items, long? NextBefore);

/// <summary>The result of checking the whole chain; <c>BrokenEntryId</c> names the first entry that does not hold.</summary>
public sealed record AuditVerification(bool Valid, int Entries, Guid? BrokenEntryId, long? BrokenSequence, string? Reason);

/// <summary>The business's audit log, for its owners and admins: newest first, and a check that nothing in it was altered.</summary>
internal sealed class AuditEndpoints : IEndpointGroup
{
    public const int MaxPageSize = 200;

    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization().RequireTenant()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("", List).WithName("ListAudit").WithSummary("Audit entries, newest first, filtered by action prefix");
        group.MapGet("/verify", Verify).WithName("VerifyAudit").WithSummary("Recompute the hash chain and name the first entry that was altered or removed");
    }

    internal static async Task<Results<Ok<AuditPage>, ValidationProblem, ProblemHttpResult>> List(
        ClaimsPrincipal user, FormaDbContext db, CancellationToken cancellationToken, string? action = null, long? before = null, int limit = 50)
    {
        if (!Caller.From(user).ManagesEveryone)
        {
            return Forbidden();
        }

        if (limit is < 1 or > MaxPageSize)
        {
            return ProblemDetailsSetup.FieldProblem("limit", $"Between 1 and {MaxPageSize}.");
        }

        await AuditSealer.SealAsync(db, cancellationToken);
        var query = db.AuditEvents.AsNoTracking().Where(e => e.Sequence != null);
        if (!string.IsNullOrWhiteSpace(action))
        {
            query = query.Where(e => e.Action.StartsWith(action));
        }

        if (before is { } sequence)
        {
            query = query.Where(e => e.Sequence < sequence);
        }

        var rows = await query.OrderByDescending(e => e.Sequence).Take(limit + 1).ToListAsync(cancellationToken);
        var items = rows.Take(limit).Select(e => new AuditEntryResponse(e.Id, e.Sequence, e.OccurredAt, e.ActorUserId, e.Action, e.TargetId, e.Details, e.Hash)).ToList();
        return TypedResults.Ok(new AuditPage(items, rows.Count > limit ? items[^1].Sequence : null));
    }

    private static async Task<Results<Ok<AuditVerification>, ProblemHttpResult>> Verify(ClaimsPrincipal user, FormaDbContext db, CancellationToken cancellationToken)
    {
        if (!Caller.From(user).ManagesEveryone)
        {
            return Forbidden();
        }

        await AuditSealer.SealAsync(db, cancellationToken);
        var chain = await db.AuditEvents.AsNoTracking().Where(e => e.Sequence != null).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var broken = AuditChain.FindBreak(chain);
        return TypedResults.Ok(broken is { } b
            ? new AuditVerification(false, chain.Count, b.Entry.Id, b.Entry.Sequence, b.Reason)
            : new AuditVerification(true, chain.Count, null, null, null));
    }

    private static ProblemHttpResult Forbidden() => ProblemDetailsSetup.Problem(403, ProblemTypes.Forbidden, "Only owners and admins read the audit log.");
}
