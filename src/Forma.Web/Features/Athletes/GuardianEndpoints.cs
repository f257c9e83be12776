using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Forma.Core.Athletes;
using Forma.Core.Audit;
using Forma.Core.People;
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
        group.MapPost("", Link).WithName("LinkGuardian").WithSummary("Let a guardian manage this athlete").ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{membershipId:guid}", Unlink).WithName("UnlinkGuardian").WithSummary("Stop a guardian managing this athlete");
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

    private static async Task<Results<Created<GuardianInfo>, ValidationProblem, ProblemHttpResult>> Link(
        Guid athleteId, LinkGuardianRequest request, ClaimsPrincipal user, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = Caller.From(user);
        if (await FindAsync(athleteId, me, db, cancellationToken) is null)
        {
            return NoSuchAthlete();
        }

        if (!me.IsStaff)
        {
            return ProblemDetailsSetup.Problem(403, ProblemTypes.Forbidden, "Only owners, admins and coaches link guardians.");
        }

        var guardian = await db.Memberships.AsNoTracking().SingleOrDefaultAsync(m => m.Id == request.MembershipId && m.Role == Role.Guardian, cancellationToken);
        if (guardian is null)
        {
            return ProblemDetailsSetup.FieldProblem("membershipId", "No guardian of this business has that membership id.");
        }

        if (await db.Guardianships.AnyAsync(g => g.AthleteId == athleteId && g.GuardianMembershipId == guardian.Id, cancellationToken))
        {
            return ProblemDetailsSetup.Problem(409, ProblemTypes.Conflict, "This guardian already manages the athlete.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Guardianships.Add(Guardianship.Create(me.TenantId, athleteId, guardian.Id, now));
        db.AuditEvents.Add(AuditEvent.Record(me.TenantId, "guardian.linked", now, me.UserId, athleteId.ToString(), $$"""{"guardianMembershipId":"{{guardian.Id}}"}"""));
        await db.SaveChangesAsync(cancellationToken);
        var person = await db.Users.AsNoTracking().SingleAsync(u => u.Id == guardian.UserId, cancellationToken);
        return TypedResults.Created($"/api/v1/athletes/{athleteId}/guardians", new GuardianInfo(guardian.Id, person.Id, person.Email, person.FirstName, person.LastName, now));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Unlink(Guid athleteId, Guid membershipId, ClaimsPrincipal user, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = Caller.From(user);
        if (await FindAsync(athleteId, me, db, cancellationToken) is null)
        {
            return NoSuchAthlete();
        }

        if (!me.IsStaff)
        {
            return ProblemDetailsSetup.Problem(403, ProblemTypes.Forbidden, "Only owners, admins and coaches unlink guardians.");
        }

        var link = await db.Guardianships.SingleOrDefaultAsync(g => g.AthleteId == athleteId && g.GuardianMembershipId == membershipId, cancellationToken);
        if (link is null)
        {
            return ProblemDetailsSetup.Problem(404, ProblemTypes.NotFound, "This guardian does not manage the athlete.");
        }

        db.Guardianships.Remove(link);
        db.AuditEvents.Add(AuditEvent.Record(me.TenantId, "guardian.unlinked", clock.GetUtcNow().UtcDateTime, me.UserId, athleteId.ToString(), $$"""{"guardianMembershipId":"{{membershipId}}"}"""));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static Task<Athlete?> FindAsync(Guid athleteId, Caller caller, FormaDbContext db, CancellationToken cancellationToken) =>
        db.Athletes.AsNoTracking().VisibleTo(caller, db).SingleOrDefaultAsync(a => a.Id == athleteId, cancellationToken);

    private static ProblemHttpResult NoSuchAthlete() => ProblemDetailsSetup.Problem(404, ProblemTypes.NotFound, "No such athlete.");
}
