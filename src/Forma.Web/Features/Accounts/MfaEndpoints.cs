using System.Security.Claims;
using Forma.Core.Audit;
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
        group.MapPost("/confirm", Confirm).WithName("ConfirmTotp").WithSummary("Prove the app works with one code; turns the second factor on and returns ten recovery codes");
    }

    private static async Task<Results<Ok<TotpEnrolment>, ProblemHttpResult>> Enrol(ClaimsPrincipal principal, FormaDbContext db, TwoFactor twoFactor, CancellationToken cancellationToken)
    {
        var user = await db.Users.SingleAsync(u => u.Id == Caller.From(principal).UserId, cancellationToken);
        if (user.HasTotp)
        {
            // Re-enrolling would switch the second factor off for whoever holds an access token.
            return AlreadyOn();
        }

        var enrolment = twoFactor.BeginEnrolment(user);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(enrolment);
    }

    private static async Task<Results<Ok<RecoveryCodes>, ValidationProblem, ProblemHttpResult>> Confirm(
        TotpConfirmRequest request, ClaimsPrincipal principal, FormaDbContext db, TwoFactor twoFactor, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = Caller.From(principal);
        var user = await db.Users.SingleAsync(u => u.Id == me.UserId, cancellationToken);
        if (user.HasTotp)
        {
            return AlreadyOn();
        }

        var codes = await twoFactor.ConfirmAsync(db, user, request.Code, cancellationToken);
        if (codes is null)
        {
            return ProblemDetailsSetup.FieldProblem("code", "That code does not match; check the app's clock and try the current code.");
        }

        db.AuditEvents.Add(AuditEvent.Record(me.TenantId, "mfa.totp-enabled", clock.GetUtcNow().UtcDateTime, me.UserId, me.UserId.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new RecoveryCodes(codes));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Disable(
        DisableTotpRequest request, ClaimsPrincipal principal, HttpContext http, FormaDbContext db, CredentialCheck credentials, SecurityAudit audit, CancellationToken cancellationToken)
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

        if (me.IsStaff && await db.Tenants.AnyAsync(t => t.Id == me.TenantId && t.RequireStaffMfa, cancellationToken))
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

    private static ProblemHttpResult AlreadyOn() =>
        ProblemDetailsSetup.Problem(409, ProblemTypes.For("mfa-already-enabled"), "An authenticator is already set up for this account.");
}
