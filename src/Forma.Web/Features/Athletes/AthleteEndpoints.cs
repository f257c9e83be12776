using System.Security.Claims;
using Forma.Core.Accounts;
using Forma.Data;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Athletes;

/// <summary>The business's athletes (clients): created and managed by owners, admins and coaches, with or without a login.</summary>
internal sealed class AthleteEndpoints : IEndpointGroup
{
    public const int MaxPageSize = 100;

    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/athletes").WithTags("Athletes").RequireTenant()
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost("", Create).RequireScope(ApiScopes.AthletesWrite).WithName("CreateAthlete").WithSummary("Add an athlete; a coach who adds one becomes their coach")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status402PaymentRequired);
        group.MapGet("", List).RequireScope(ApiScopes.AthletesRead).WithName("ListAthletes").WithSummary("The athletes the caller may see, by name, a page at a time");
        group.MapGet("/{id:guid}", Get).RequireScope(ApiScopes.AthletesRead).WithName("GetAthlete").WithSummary("One athlete");
        group.MapPut("/{id:guid}", Update).RequireScope(ApiScopes.AthletesWrite).WithName("UpdateAthlete").WithSummary("Replace an athlete's details")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status402PaymentRequired).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:guid}", Delete).RequireScope(ApiScopes.AthletesWrite).WithName("DeleteAthlete").WithSummary("Remove an athlete")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Created<AthleteResponse>> Create(AthleteRequest request, ClaimsPrincipal user, CreateAthlete create, CancellationToken cancellationToken)
    {
        var athlete = await create.RunAsync(Caller.From(user), request, cancellationToken);
        return TypedResults.Created($"/api/v1/athletes/{athlete.Id}", athlete);
    }

    private static async Task<Results<Ok<AthletePage>, ValidationProblem>> List(
        ClaimsPrincipal user, FormaDbContext db, CancellationToken cancellationToken, string? search = null, Guid? coachId = null, int limit = 25, string? cursor = null)
    {
        if (limit is < 1 or > MaxPageSize)
        {
            return ProblemDetailsSetup.FieldProblem("limit", $"Between 1 and {MaxPageSize}.");
        }

        if (!AthleteCursor.TryDecode(cursor, out var after))
        {
            return ProblemDetailsSetup.FieldProblem("cursor", "Not a cursor this list handed out.");
        }

        var query = db.Athletes.AsNoTracking().VisibleTo(Caller.From(user), db);
        if (!string.IsNullOrWhiteSpace(search))
        {
            // LIKE on lower-cased columns: case-insensitive on both SQLite and PostgreSQL, wildcards in the term escaped.
            var pattern = "%" + search.Trim().ToLowerInvariant().Replace(@"\", @"\\", StringComparison.Ordinal)
                .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal) + "%";
            query = query.Where(a => EF.Functions.Like(a.LastName.ToLower(), pattern, @"\")
                || EF.Functions.Like(a.FirstName.ToLower(), pattern, @"\")
                || (a.Email != null && EF.Functions.Like(a.Email, pattern, @"\")));
        }

        if (coachId is { } coach)
        {
            query = query.Where(a => a.CoachMembershipId == coach);
        }

        if (after is not null)
        {
            query = query.Where(a => string.Compare(a.LastName, after.LastName) > 0
                || (a.LastName == after.LastName && string.Compare(a.FirstName, after.FirstName) > 0)
                || (a.LastName == after.LastName && a.FirstName == after.FirstName && a.Id.CompareTo(after.Id) > 0));
        }

        var rows = await query.OrderBy(a => a.LastName).ThenBy(a => a.FirstName).ThenBy(a => a.Id).Take(limit + 1).ToListAsync(cancellationToken);
        var page = rows.Take(limit).Select(AthleteResponse.From).ToList();
        var next = rows.Count > limit ? new AthleteCursor(rows[limit - 1].LastName, rows[limit - 1].FirstName, rows[limit - 1].Id).Encode() : null;
        return TypedResults.Ok(new AthletePage(page, next));
    }

    private static async Task<Results<Ok<AthleteResponse>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, FormaDbContext db, CancellationToken cancellationToken)
    {
        var athlete = await db.Athletes.AsNoTracking().VisibleTo(Caller.From(user), db).SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        return athlete is null ? NotFound() : TypedResults.Ok(AthleteResponse.From(athlete));
    }

    private static async Task<Ok<AthleteResponse>> Update(Guid id, AthleteRequest request, ClaimsPrincipal user, UpdateAthlete update, CancellationToken cancellationToken) =>
        TypedResults.Ok(await update.RunAsync(Caller.From(user), id, request, cancellationToken));

    private static async Task<NoContent> Delete(Guid id, ClaimsPrincipal user, DeleteAthlete delete, CancellationToken cancellationToken)
    {
        await delete.RunAsync(Caller.From(user), id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NotFound() => ProblemDetailsSetup.Problem(404, ProblemTypes.NotFound, "No such athlete.");
}
