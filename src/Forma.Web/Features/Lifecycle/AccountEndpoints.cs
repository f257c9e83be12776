using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Forma.Core.Audit;
using Forma.Core.Tenancy;
using Forma.Core.Validation;
using Forma.Data;
using Forma.Web.Features.Accounts;
using Forma.Web.Features.Members;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Lifecycle;

public sealed record DeleteAccountRequest(
    [property: Required, StringLength(1024), SecretText] string Password,
    [property: StringLength(10)] string? TotpCode = null,
    [property: StringLength(20)] string? RecoveryCode = null);

/// <summary>A person's own account: download everything about them, or delete it.</summary>
internal sealed class AccountEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/me").WithTags("Account").RequireAuthorization().AllowDuringMfaSetup()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/export", Export).WithName("ExportAccount").WithSummary("Everything Forma holds about you, as JSON");
        group.MapDelete("", Delete).WithName("DeleteAccount").WithSummary("Delete your account: confirm with your password (and second factor)")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Ok<AccountExportDocument>> Export(ClaimsPrincipal principal, FormaDbContext db, IServiceScopeFactory scopes, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var document = await AccountExport.BuildAsync(db, scopes, Caller.From(principal).UserId, clock.GetUtcNow().UtcDateTime, cancellationToken);
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"forma-account-{document.ExportedAt:yyyyMMdd}.json\"";
        return TypedResults.Ok(document);
    }

    /// <summary>
    /// Leaves every business (sessions end, athlete records the businesses keep lose their login), then
    /// removes the account. The sole owner of a business that is still open must first hand it over or
    /// close it, so no business is left without anyone in charge.
    /// </summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        [FromBody] DeleteAccountRequest request, ClaimsPrincipal principal, FormaDbContext db, CredentialCheck credentials, IServiceScopeFactory scopes, TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var me = Caller.From(principal);
        var email = await db.Users.Where(u => u.Id == me.UserId).Select(u => u.Email).SingleAsync(cancellationToken);
        var (user, problem) = await credentials.CheckAsync(db, new PresentedCredentials(email, request.Password, request.TotpCode, request.RecoveryCode), http, cancellationToken);
        if (user is null)
        {
            return problem!;
        }

        var soleOwnerOf = new List<string>();
        await EveryBusiness.ForEachAsync(scopes, db, user.Id, async (tenantDb, tenantId) =>
        {
            var membership = await tenantDb.Memberships.SingleAsync(m => m.UserId == user.Id, cancellationToken);
            var open = await tenantDb.Tenants.Where(t => t.Id == tenantId && t.Status != TenantStatus.Closed).Select(t => t.Slug).SingleOrDefaultAsync(cancellationToken);
            if (open is not null && await MemberRemoval.IsLastOwnerAsync(tenantDb, membership, cancellationToken))
            {
                soleOwnerOf.Add(open);
            }
        }, cancellationToken);
        if (soleOwnerOf.Count > 0)
        {
            return TypedResults.Problem(statusCode: 409, type: ProblemTypes.For("sole-owner"), title: "You are the only owner of a business.",
                detail: "Make someone else an owner, or close the business, before deleting your account.",
                extensions: new Dictionary<string, object?> { ["tenants"] = soleOwnerOf });
        }

        var now = clock.GetUtcNow().UtcDateTime;
        await EveryBusiness.ForEachAsync(scopes, db, user.Id, async (tenantDb, tenantId) =>
        {
            await using var transaction = await tenantDb.Database.BeginTransactionAsync(cancellationToken);
            await MemberRemoval.RemoveAsync(tenantDb, await tenantDb.Memberships.SingleAsync(m => m.UserId == user.Id, cancellationToken), cancellationToken);
            tenantDb.AuditEvents.Add(AuditEvent.Record(tenantId, "account.deleted", now, user.Id, user.Id.ToString()));
            await tenantDb.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }, cancellationToken);

        db.Users.Remove(user);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
