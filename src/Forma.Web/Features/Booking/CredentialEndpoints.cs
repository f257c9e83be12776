using System.Security.Claims;
using Forma.Core.Accounts;
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
        group.MapPost("", Add).RequireScope(ApiScopes.BookingsWrite).WithName("AddCredential").WithSummary("Record a credential (staff)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id:guid}", Remove).RequireScope(ApiScopes.BookingsWrite).WithName("RemoveCredential").WithSummary("Remove a credential recorded in error (staff)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
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

    private static async Task<Created<CredentialResponse>> Add(Guid athleteId, CredentialRequest request, ClaimsPrincipal user, AddCredential add, CancellationToken cancellationToken)
    {
        var credential = await add.RunAsync(Caller.From(user), athleteId, request, cancellationToken);
        return TypedResults.Created($"/api/v1/athletes/{athleteId}/credentials/{credential.Id}", credential);
    }

    private static async Task<NoContent> Remove(Guid athleteId, Guid id, ClaimsPrincipal user, RemoveCredential remove, CancellationToken cancellationToken)
    {
        await remove.RunAsync(Caller.From(user), athleteId, id, cancellationToken);
        return TypedResults.NoContent();
    }
}
