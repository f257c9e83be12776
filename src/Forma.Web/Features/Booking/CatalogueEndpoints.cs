using System.Security.Claims;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Booking;
using Forma.Core.Plans;
using Forma.Data;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>Services and resources: everyone in the business reads them, owners and admins change them. Removing one archives it, so past appointments keep it.</summary>
internal sealed class CatalogueEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Booking").RequireFeature(PlanFeature.Booking).RequireTenant().ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost("/services", CreateService).RequireScope(ApiScopes.BookingsWrite).WithName("CreateService").WithSummary("Add a service (a private session or a class)");
        group.MapGet("/services", ListServices).RequireScope(ApiScopes.BookingsRead).WithName("ListServices").WithSummary("The business's services, archived ones on request");
        group.MapGet("/services/{id:guid}", GetService).RequireScope(ApiScopes.BookingsRead).WithName("GetService").WithSummary("One service");
        group.MapPut("/services/{id:guid}", UpdateService).RequireScope(ApiScopes.BookingsWrite).WithName("UpdateService").WithSummary("Replace a service's terms; booked appointments keep theirs");
        group.MapDelete("/services/{id:guid}", ArchiveService).RequireScope(ApiScopes.BookingsWrite).WithName("ArchiveService").WithSummary("Stop offering a service");
        group.MapPost("/resources", CreateResource).RequireScope(ApiScopes.BookingsWrite).WithName("CreateResource").WithSummary("Add a room, table, court, van…");
        group.MapGet("/resources", ListResources).RequireScope(ApiScopes.BookingsRead).WithName("ListResources").WithSummary("The business's resources");
        group.MapPut("/resources/{id:guid}", UpdateResource).RequireScope(ApiScopes.BookingsWrite).WithName("UpdateResource").WithSummary("Rename or resize a resource");
        group.MapDelete("/resources/{id:guid}", ArchiveResource).RequireScope(ApiScopes.BookingsWrite).WithName("ArchiveResource").WithSummary("Stop allocating a resource");
    }

    internal static async Task<Results<Created<ServiceResponse>, ProblemHttpResult>> CreateService(
        ServiceRequest request, ClaimsPrincipal user, HttpContext http, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (!caller.RunsCatalogue())
        {
            return BookingAccess.CatalogueOnly();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var service = Service.Create(http.Tenant().Id, request.ToTerms(), now);
        db.Services.Add(service);
        db.AuditEvents.Add(AuditEvent.Record(service.TenantId, "service.created", now, caller.UserId, service.Id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/services/{service.Id}", ServiceResponse.From(service));
    }

    internal static async Task<Ok<List<ServiceResponse>>> ListServices(FormaDbContext db, CancellationToken cancellationToken, bool includeArchived = false)
    {
        var services = await db.Services.AsNoTracking().Where(s => includeArchived || !s.Archived).OrderBy(s => s.Name).ToListAsync(cancellationToken);
        return TypedResults.Ok(services.Select(ServiceResponse.From).ToList());
    }

    private static async Task<Results<Ok<ServiceResponse>, ProblemHttpResult>> GetService(Guid id, FormaDbContext db, CancellationToken cancellationToken) =>
        await db.Services.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is { } service
            ? TypedResults.Ok(ServiceResponse.From(service))
            : BookingAccess.NotFound("service");

    private static async Task<Results<Ok<ServiceResponse>, ProblemHttpResult>> UpdateService(
        Guid id, ServiceRequest request, ClaimsPrincipal user, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (!caller.RunsCatalogue())
        {
            return BookingAccess.CatalogueOnly();
        }

        if (await db.Services.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } service)
        {
            return BookingAccess.NotFound("service");
        }

        service.Define(request.ToTerms());
        db.AuditEvents.Add(AuditEvent.Record(service.TenantId, "service.updated", clock.GetUtcNow().UtcDateTime, caller.UserId, service.Id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ServiceResponse.From(service));
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> ArchiveService(Guid id, ClaimsPrincipal user, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (!caller.RunsCatalogue())
        {
            return BookingAccess.CatalogueOnly();
        }

        if (await db.Services.SingleOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } service)
        {
            return BookingAccess.NotFound("service");
        }

        service.Archive();
        db.AuditEvents.Add(AuditEvent.Record(service.TenantId, "service.archived", clock.GetUtcNow().UtcDateTime, caller.UserId, service.Id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Created<ResourceResponse>, ProblemHttpResult>> CreateResource(
        ResourceRequest request, ClaimsPrincipal user, HttpContext http, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (!caller.RunsCatalogue())
        {
            return BookingAccess.CatalogueOnly();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var resource = Resource.Create(http.Tenant().Id, request.Name, request.Type, request.Units, now);
        db.Resources.Add(resource);
        db.AuditEvents.Add(AuditEvent.Record(resource.TenantId, "resource.created", now, caller.UserId, resource.Id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/resources/{resource.Id}", ResourceResponse.From(resource));
    }

    internal static async Task<Ok<List<ResourceResponse>>> ListResources(FormaDbContext db, CancellationToken cancellationToken, bool includeArchived = false)
    {
        var resources = await db.Resources.AsNoTracking().Where(r => includeArchived || !r.Archived).OrderBy(r => r.Type).ThenBy(r => r.Name).ToListAsync(cancellationToken);
        return TypedResults.Ok(resources.Select(ResourceResponse.From).ToList());
    }

    private static async Task<Results<Ok<ResourceResponse>, ProblemHttpResult>> UpdateResource(
        Guid id, ResourceRequest request, ClaimsPrincipal user, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (!caller.RunsCatalogue())
        {
            return BookingAccess.CatalogueOnly();
        }

        if (await db.Resources.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is not { } resource)
        {
            return BookingAccess.NotFound("resource");
        }

        resource.Define(request.Name, request.Type, request.Units);
        db.AuditEvents.Add(AuditEvent.Record(resource.TenantId, "resource.updated", clock.GetUtcNow().UtcDateTime, caller.UserId, resource.Id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ResourceResponse.From(resource));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ArchiveResource(Guid id, ClaimsPrincipal user, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (!caller.RunsCatalogue())
        {
            return BookingAccess.CatalogueOnly();
        }

        if (await db.Resources.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is not { } resource)
        {
            return BookingAccess.NotFound("resource");
        }

        resource.Archive();
        db.AuditEvents.Add(AuditEvent.Record(resource.TenantId, "resource.archived", clock.GetUtcNow().UtcDateTime, caller.UserId, resource.Id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
