using Forma.Core.Audit;
using Forma.Core.Tenancy;
using Forma.Data;
using Forma.Data.BackgroundJobs;
using Forma.Data.Tenancy;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Operations;

/// <summary>
/// Platform operators' endpoints: dead-lettered and pending jobs across all tenants, and provisioning a
/// business by hand. Guarded by the operator key; a tenant's own staff never reach these.
/// </summary>
internal sealed class OperationsEndpoints : IEndpointGroup
{
    public const int MaxPageSize = 200;

    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/ops").WithTags("Operations").RequireAuthorization(OperatorKeyAuthentication.Policy)
            .ProducesProblem(StatusCodes.Status401Unauthorized);

        group.MapGet("/jobs", ListJobs)
            .WithName("ListJobs")
            .WithSummary("Jobs by state, oldest first")
            .WithDescription("state=DeadLettered lists the jobs that spent all their attempts and wait for an operator.");
        group.MapPost("/jobs/{id:guid}/retry", RetryJob)
            .WithName("RetryJob")
            .WithSummary("Send a dead-lettered job back to the queue with fresh attempts")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/tenants", CreateTenant)
            .WithName("CreateTenant")
            .WithSummary("Provision a business")
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/tenants/{id:guid}", GetTenant)
            .WithName("GetTenant")
            .WithSummary("A business by id")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/tenants/{id:guid}/reopen", ReopenTenant)
            .WithName("ReopenTenant")
            .WithSummary("Undo an owner's closing of a business before its data is purged")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Ok<TenantResponse>, ProblemHttpResult>> ReopenTenant(Guid id, FormaDbContext db, TenantScope scope, TenantDirectory directory, TimeProvider clock, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (tenant is null)
        {
            return ProblemDetailsSetup.Problem(404, ProblemTypes.NotFound, "No such business (or it was already purged).");
        }

        if (tenant.Status != TenantStatus.Closed)
        {
            return ProblemDetailsSetup.Problem(409, ProblemTypes.Conflict, "This business is not closed.");
        }

        tenant.Reopen();
        scope.Enter(tenant.Id);
        db.AuditEvents.Add(AuditEvent.Record(tenant.Id, "tenant.reopened", clock.GetUtcNow().UtcDateTime, null, tenant.Id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        directory.Forget(tenant.Id);
        return TypedResults.Ok(ToResponse(tenant));
    }

    private static async Task<Results<Ok<List<JobSummary>>, ValidationProblem>> ListJobs(FormaDbContext db, CancellationToken cancellationToken, string state = nameof(JobState.DeadLettered), int limit = 50)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Enum.TryParse<JobState>(state, ignoreCase: true, out var parsedState) || !Enum.IsDefined(parsedState))
        {
            errors["state"] = [$"One of: {string.Join(", ", Enum.GetNames<JobState>())}."];
        }

        if (limit is < 1 or > MaxPageSize)
        {
            errors["limit"] = [$"Between 1 and {MaxPageSize}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, type: ProblemTypes.Validation);
        }

        var jobs = await db.BackgroundJobs.AsNoTracking()
            .Where(j => j.State == parsedState)
            .OrderBy(j => j.RunAt).ThenBy(j => j.Id)
            .Take(limit)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(jobs.Select(JobSummary.From).ToList());
    }

    private static async Task<Results<Ok<JobSummary>, ProblemHttpResult>> RetryJob(Guid id, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var updated = await db.BackgroundJobs
            .Where(j => j.Id == id && j.State == JobState.DeadLettered)
            .ExecuteUpdateAsync(set => set
                .SetProperty(j => j.State, JobState.Queued)
                .SetProperty(j => j.Attempts, 0)
                .SetProperty(j => j.RunAt, now)
                .SetProperty(j => j.CompletedAt, (DateTime?)null), cancellationToken);
        var job = await db.BackgroundJobs.AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, cancellationToken);
        if (job is null)
        {
            return ProblemDetailsSetup.Problem(404, ProblemTypes.NotFound, "No such job.");
        }

        return updated == 1
            ? TypedResults.Ok(JobSummary.From(job))
            : ProblemDetailsSetup.Problem(409, ProblemTypes.For("job-not-dead-lettered"), $"The job is {job.State}; only dead-lettered jobs can be retried.");
    }

    private static async Task<Results<Created<TenantResponse>, ValidationProblem, ProblemHttpResult>> CreateTenant(CreateTenantRequest request, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!TenantSlug.TryParse(request.Subdomain, out var slug, out var slugError))
        {
            return ProblemDetailsSetup.FieldProblem("subdomain", slugError);
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(request.TimeZone, out _))
        {
            return ProblemDetailsSetup.FieldProblem("timeZone", $"'{request.TimeZone}' is not a known IANA time zone.");
        }

        if (await db.Tenants.AnyAsync(t => t.Slug == slug.Value, cancellationToken))
        {
            return SlugTaken(slug);
        }

        var tenant = Tenant.Create(request.DisplayName, slug, request.Plan, request.TimeZone, clock.GetUtcNow().UtcDateTime);
        db.Tenants.Add(tenant);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Lost a race with another request for the same subdomain: the unique index decided.
            db.ChangeTracker.Clear();
            if (await db.Tenants.AnyAsync(t => t.Slug == slug.Value, CancellationToken.None))
            {
                return SlugTaken(slug);
            }

            throw;
        }

        return TypedResults.Created($"/api/v1/ops/tenants/{tenant.Id}", ToResponse(tenant));
    }

    private static async Task<Results<Ok<TenantResponse>, ProblemHttpResult>> GetTenant(Guid id, FormaDbContext db, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
        return tenant is null
            ? ProblemDetailsSetup.Problem(404, ProblemTypes.NotFound, "No such business.")
            : TypedResults.Ok(ToResponse(tenant));
    }

    private static ProblemHttpResult SlugTaken(TenantSlug slug) =>
        ProblemDetailsSetup.Problem(409, ProblemTypes.For("subdomain-taken"), $"The subdomain '{slug}' is taken.");

    private static TenantResponse ToResponse(Tenant tenant) =>
        new(tenant.Id, tenant.DisplayName, tenant.Slug, tenant.Plan, tenant.Status.ToString(), tenant.TimeZone, tenant.CreatedAt, tenant.TrialEndsAt);
}
