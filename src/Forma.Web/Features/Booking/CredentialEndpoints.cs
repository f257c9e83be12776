using System.Security.Claims;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Booking;
using Forma.Core.Plans;
using Forma.Data;
using Forma.Web.Features.Athletes;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>
/// A participant's credentials (waiver, medical clearance, vaccination record). Staff record them; whoever sees the
/// athlete (the athlete, their guardians) can read them, so a parent sees which waiver is about to expire.
/// </summary>
internal sealed class CredentialEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/athletes/{athleteId:guid}/credentials").WithTags("Booking").RequireFeature(PlanFeature.Booking).RequireTenant().ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("", List).RequireScope(ApiScopes.BookingsRead).WithName("ListCredentials").WithSummary("A participant's credentials with their validity");
        group.MapPost("", Add).RequireScope(ApiScopes.BookingsWrite).WithName("AddCredential").WithSummary("Record a credential (staff)");
        group.MapDelete("/{id:guid}", Remove).RequireScope(ApiScopes.BookingsWrite).WithName("RemoveCredential").WithSummary("Remove a credential recorded in error (staff)");
    }

    private static async Task<Results<Ok<List<CredentialResponse>>, ProblemHttpResult>> List(Guid athleteId, ClaimsPrincipal user, FormaDbContext db, CancellationToken cancellationToken)
    {
        if (!await db.Athletes.VisibleTo(Caller.From(user), db).AnyAsync(a => a.Id == athleteId, cancellationToken))
        {
            return BookingAccess.NotFound("athlete");
        }

        var credentials = await db.Credentials.AsNoTracking().Where(c => c.AthleteId == athleteId).OrderBy(c => c.Kind).ThenBy(c => c.ValidFrom).ToListAsync(cancellationToken);
        return TypedResults.Ok(credentials.Select(CredentialResponse.From).ToList());
    }

    private static async Task<Results<Created<CredentialResponse>, ProblemHttpResult>> Add(
        Guid athleteId, CredentialRequest request, ClaimsPrincipal user, HttpContext http, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (!caller.IsStaff)
        {
            return BookingAccess.Forbidden("Staff record credentials, after seeing the document.");
        }

        if (!await db.Athletes.AnyAsync(a => a.Id == athleteId, cancellationToken))
        {
            return BookingAccess.NotFound("athlete");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var credential = Credential.Create(http.Tenant().Id, athleteId, request.Kind, request.ValidFrom, request.ExpiresOn, request.Note, now);
        db.Credentials.Add(credential);
        db.AuditEvents.Add(AuditEvent.Record(credential.TenantId, "credential.added", now, caller.UserId, athleteId.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/athletes/{athleteId}/credentials/{credential.Id}", CredentialResponse.From(credential));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(Guid athleteId, Guid id, ClaimsPrincipal user, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (!caller.IsStaff)
        {
            return BookingAccess.Forbidden("Staff manage credentials.");
        }

        if (await db.Credentials.SingleOrDefaultAsync(c => c.Id == id && c.AthleteId == athleteId, cancellationToken) is not { } credential)
        {
            return BookingAccess.NotFound("credential");
        }

        db.Credentials.Remove(credential);
        db.AuditEvents.Add(AuditEvent.Record(credential.TenantId, "credential.removed", clock.GetUtcNow().UtcDateTime, caller.UserId, athleteId.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
