using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Forma.Core.Athletes;
using Forma.Data;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Athletes;

public sealed record GuardianInfo(Guid MembershipId, Guid UserId, string Email, string FirstName, string LastName, DateTime Since);

public sealed record LinkGuardianRequest([property: Required] Guid? MembershipId);

/// <summary>
/// Who manages an athlete: staff who can see the athlete link and unlink guardians (members with the
/// Guardian role). Inviting a guardian for an athlete links them on acceptance.
/// </summary>
internal sealed class GuardianEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/athletes/{athleteId:guid}/guardians").WithTags("Athletes").RequireAuthorization().RequireTenant()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("", List).WithName("ListGuardians").WithSummary("The guardians who manage an athlete");
        group.MapPost("", Link).WithName("LinkGuardian").WithSummary("Let a guardian manage this athlete")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{membershipId:guid}", Unlink).WithName("UnlinkGuardian").WithSummary("Stop a guardian managing this athlete").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<List<GuardianInfo>>, ProblemHttpResult>> List(Guid athleteId, ClaimsPrincipal user, FormaDbContext db, CancellationToken cancellationToken)
    {
        if (await FindAsync(athleteId, Caller.From(user), db, cancellationToken) is null)
        {
            return NoSuchAthlete();
        }

        var guardians = await db.Guardianships.AsNoTracking().Where(g => g.AthleteId == athleteId)
            .Join(db.Memberships, g => g.GuardianMembershipId, m => m.Id, (g, m) => new { g, m })
            .Join(db.Users, x => x.m.UserId, u => u.Id, (x, u) => new GuardianInfo(x.m.Id, u.Id, u.Email, u.FirstName, u.LastName, x.g.CreatedAt))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(guardians);
    }

    private static async Task<Created<GuardianInfo>> Link(Guid athleteId, LinkGuardianRequest request, ClaimsPrincipal user, LinkGuardian link, CancellationToken cancellationToken) =>
        TypedResults.Created($"/api/v1/athletes/{athleteId}/guardians", await link.RunAsync(Caller.From(user), athleteId, request, cancellationToken));

    private static async Task<NoContent> Unlink(Guid athleteId, Guid membershipId, ClaimsPrincipal user, UnlinkGuardian unlink, CancellationToken cancellationToken)
    {
        await unlink.RunAsync(Caller.From(user), athleteId, membershipId, cancellationToken);
        return TypedResults.NoContent();
    }

    internal static Task<Athlete?> FindAsync(Guid athleteId, Caller caller, FormaDbContext db, CancellationToken cancellationToken) =>
        db.Athletes.AsNoTracking().VisibleTo(caller, db).SingleOrDefaultAsync(a => a.Id == athleteId, cancellationToken);

    private static ProblemHttpResult NoSuchAthlete() => ProblemDetailsSetup.Problem(404, ProblemTypes.NotFound, "No such athlete.");
}
