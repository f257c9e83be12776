using System.Security.Claims;
using Forma.Core.People;
using Forma.Data;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Accounts;

/// <summary>Enrolling an authenticator app as the second factor.</summary>
internal sealed class MfaEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth/mfa/totp").WithTags("Auth").RequireAuthorization().RequireTenant().AllowDuringMfaSetup()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost("", Enrol).WithName("EnrolTotp").WithSummary("Start enrolling an authenticator app: a secret and its QR code")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/disable", Disable).WithName("DisableTotp").WithSummary("Turn the second factor off; needs your password and a current code or a recovery code")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/confirm", Confirm).WithName("ConfirmTotp").WithSummary("Prove the app works with one code; turns the second factor on and returns ten recovery codes")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
    }

    internal static async Task<Results<Ok<TotpEnrolment>, ProblemHttpResult>> Enrol(
        TotpEnrolRequest request, ClaimsPrincipal principal, FormaDbContext db, TwoFactor twoFactor, CredentialCheck credentials, HttpContext http, CancellationToken cancellationToken)
    {
        // The password, not only an access token: a stolen token must not be able to put the thief's
        // authenticator on the account and lock its owner out.
        var email = await db.Users.Where(u => u.Id == Caller.From(principal).UserId).Select(u => u.Email).SingleAsync(cancellationToken);
        var (user, problem) = await credentials.CheckAsync(db, new PresentedCredentials(email, request.Password), http, cancellationToken, requireSecondFactor: false);
        if (user is null)
        {
            return problem!;
        }

        if (user.HasTotp)
        {
            // Re-enrolling would switch the second factor off for whoever holds an access token.
            return TypedResults.Problem(RefusalProblems.From(MfaRefusals.AlreadyOn()));
        }

        var enrolment = twoFactor.BeginEnrolment(user);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(enrolment);
    }

    private static async Task<Ok<RecoveryCodes>> Confirm(TotpConfirmRequest request, ClaimsPrincipal principal, ConfirmTotp confirm, CancellationToken cancellationToken) =>
        TypedResults.Ok(await confirm.RunAsync(Caller.From(principal), request, cancellationToken));

    internal static async Task<Results<NoContent, ProblemHttpResult>> Disable(
        DisableTotpRequest request, ClaimsPrincipal principal, HttpContext http, FormaDbContext db, CredentialCheck credentials, SecurityAudit audit, IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        var me = Caller.From(principal);
        var email = await db.Users.Where(u => u.Id == me.UserId).Select(u => u.Email).SingleAsync(cancellationToken);
        var (user, problem) = await credentials.CheckAsync(db, new PresentedCredentials(email, request.Password, request.TotpCode, request.RecoveryCode), http, cancellationToken);
        if (user is null)
        {
            return problem!;
        }

        if (!user.HasTotp)
        {
            return ProblemDetailsSetup.Problem(409, ProblemTypes.For("mfa-not-enabled"), "No authenticator is set up for this account.");
        }

        if (await StaffWhereRequiredAsync(scopes, db, user.Id, cancellationToken))
        {
            return ProblemDetailsSetup.Problem(409, ProblemTypes.For("mfa-required-by-business"), "This business requires a second factor of its staff.", "Ask an owner to lift the rule, or keep the authenticator.");
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            user.DisableTotp();
            await db.RecoveryCodes.Where(c => c.UserId == user.Id).ExecuteDeleteAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await audit.RecordForUserAsync(db, user.Id, "mfa.totp-disabled", http, cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>Whether any business the person works for requires its staff to use a second factor.</summary>
    private static async Task<bool> StaffWhereRequiredAsync(IServiceScopeFactory scopes, FormaDbContext db, Guid userId, CancellationToken cancellationToken)
    {
        var required = false;
        await EveryBusiness.ForEachAsync(scopes, db, userId, async (tenantDb, tenantId) =>
            required |= await tenantDb.Memberships.AnyAsync(m => m.UserId == userId && (m.Role == Role.Owner || m.Role == Role.Admin || m.Role == Role.Coach), cancellationToken)
                && await tenantDb.Tenants.AnyAsync(t => t.Id == tenantId && t.RequireStaffMfa, cancellationToken), cancellationToken);
        return required;
    }

}

internal static class MfaRefusals
{
    public static Forma.Core.DomainException AlreadyOn() =>
        Forma.Core.DomainException.Conflict("mfa-already-enabled", "An authenticator is already set up for this account.");
}
