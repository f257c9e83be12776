using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Forma.Core.Audit;
using Forma.Core.People;
using Forma.Core.Validation;
using Forma.Data;
using Forma.Data.BackgroundJobs;
using Forma.Web.Features.Accounts;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Lifecycle;

/// <summary>Type the business's subdomain to confirm, and your password (and second factor).</summary>
public sealed record CloseTenantRequest(
    [property: Required, StringLength(40)] string Confirm,
    [property: Required, StringLength(1024), SecretText] string Password,
    [property: StringLength(10)] string? TotpCode = null,
    [property: StringLength(20)] string? RecoveryCode = null);

public sealed record TenantClosed(DateTime ClosedAt, DateTime PurgeAfter);

/// <summary>
/// An owner closes the business: nobody can sign in to it or reach it from then on, and its data is kept
/// for <see cref="Core.Tenancy.Tenant.ClosedRetention"/> (an operator can reopen it meanwhile), then purged by a job.
/// </summary>
internal sealed class TenantClosureEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/v1/tenant").RequireAuthorization().RequireTenant()
            .MapPost("/close", Close).WithTags("Tenant").WithName("CloseTenant")
            .WithSummary("Close the business; its data is deleted 30 days later")
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

    private static async Task<Results<Accepted<TenantClosed>, ValidationProblem, ProblemHttpResult>> Close(
        CloseTenantRequest request, ClaimsPrincipal principal, FormaDbContext db, CredentialCheck credentials, TenantDirectory directory, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var me = Caller.From(principal);
        if (me.Role != Role.Owner)
        {
            return ProblemDetailsSetup.Problem(403, ProblemTypes.Forbidden, "Only owners close the business.");
        }

        var tenant = await db.Tenants.SingleAsync(t => t.Id == me.TenantId, cancellationToken);
        if (!string.Equals(request.Confirm.Trim(), tenant.Slug, StringComparison.Ordinal))
        {
            return ProblemDetailsSetup.FieldProblem("confirm", $"Type the business's subdomain, '{tenant.Slug}', to confirm.");
        }

        var email = await db.Users.Where(u => u.Id == me.UserId).Select(u => u.Email).SingleAsync(cancellationToken);
        var (user, problem) = await credentials.CheckAsync(db, new PresentedCredentials(email, request.Password, request.TotpCode, request.RecoveryCode), http, cancellationToken);
        if (user is null)
        {
            return problem!;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        tenant.Close(now);
        await db.RefreshTokens.Where(t => t.RevokedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.RevokedReason, "tenant-closed"), cancellationToken);
        // A job per closing: one left from an earlier closing finds the business reopened or not yet due, and skips.
        db.Enqueue(new PurgeClosedTenant(), now, runAt: tenant.PurgeAfter);
        db.AuditEvents.Add(AuditEvent.Record(tenant.Id, "tenant.closed", now, me.UserId, tenant.Id.ToString(), $$"""{"purgeAfter":"{{tenant.PurgeAfter:O}}"}"""));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        directory.Forget(tenant.Id);
        return TypedResults.Accepted((string?)null, new TenantClosed(tenant.ClosedAt!.Value, tenant.PurgeAfter!.Value));
    }
}
