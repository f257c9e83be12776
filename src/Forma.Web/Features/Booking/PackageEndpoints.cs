using System.Security.Claims;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Booking;
using Forma.Core.People;
using Forma.Core.Plans;
using Forma.Data;
using Forma.Web.Features.Accounts;
using Forma.Web.Features.ApiKeys;
using Forma.Web.Features.Plans;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>
/// Punch cards and memberships: owners and admins define them, staff sell them (the sale is a ledger entry), and a
/// client sees what they hold — sessions left and the history of their use. Bookings spend them (see <see cref="Credits"/>).
/// </summary>
internal sealed class PackageEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Booking").RequireFeature(PlanFeature.Booking).RequireFeature(PlanFeature.Packages).RequireTenant().ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapPost("/packages", Create).RequireScope(ApiScopes.BookingsWrite).WithName("CreatePackage").WithSummary("Offer a punch card or a membership")
            .Produces<PackageResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/packages", List).RequireScope(ApiScopes.BookingsRead).WithName("ListPackages").WithSummary("The packages on offer").Produces<List<PackageResponse>>();
        group.MapPost("/client-packages", Sell).RequireScope(ApiScopes.BookingsWrite).WithName("SellPackage").WithSummary("Sell a package to a client (staff)")
            .Produces<ClientPackageResponse>(StatusCodes.Status201Created).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapGet("/client-packages", Holdings).RequireScope(ApiScopes.BookingsRead).WithName("ListClientPackages")
            .WithSummary("A client's packages with sessions left and their use; without a client, the caller's own").Produces<List<ClientPackageResponse>>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    internal static async Task<IResult> Create(PackageRequest request, ClaimsPrincipal user, HttpContext http, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (!caller.RunsCatalogue())
        {
            return BookingAccess.CatalogueOnly();
        }

        var serviceIds = request.ServiceIds ?? [];
        if (await db.Services.CountAsync(s => serviceIds.Contains(s.Id), cancellationToken) != serviceIds.Distinct().Count())
        {
            return ProblemDetailsSetup.FieldProblem("serviceIds", "Every service must be one of this business's.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var package = Package.Create(http.Tenant().Id, request.Name, request.Kind, request.Sessions, request.ValidDays, request.PriceMinor, request.Currency, serviceIds, now);
        db.Packages.Add(package);
        db.AuditEvents.Add(AuditEvent.Record(package.TenantId, "package.created", now, caller.UserId, package.Id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/packages/{package.Id}", PackageResponse.From(package));
    }

    internal static async Task<IResult> List(FormaDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok((await db.Packages.AsNoTracking().Where(p => !p.Archived).OrderBy(p => p.Name).ToListAsync(cancellationToken)).Select(PackageResponse.From).ToList());

    internal static async Task<IResult> Sell(SellPackageRequest request, ClaimsPrincipal user, HttpContext http, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        if (!caller.IsStaff)
        {
            return BookingAccess.Forbidden("Staff sell packages.");
        }

        if (await db.Packages.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.PackageId && !p.Archived, cancellationToken) is not { } package)
        {
            return BookingAccess.NotFound("package");
        }

        var client = new BookingClient(request.ClientAthleteId, request.ClientMembershipId);
        var exists = (client.AthleteId, client.GuardianMembershipId) switch
        {
            ({ } athleteId, null) => await db.Athletes.AnyAsync(a => a.Id == athleteId, cancellationToken),
            (null, { } membershipId) => await db.Memberships.AnyAsync(m => m.Id == membershipId && m.Role == Role.Guardian, cancellationToken),
            _ => false,
        };
        if (!exists)
        {
            return ProblemDetailsSetup.FieldProblem("clientAthleteId", "Name one client of this business: clientAthleteId or a guardian's clientMembershipId.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var today = Today(http, now);
        var sold = ClientPackage.Sell(package, client, request.ValidFrom ?? today, now);
        db.ClientPackages.Add(sold);
        if (sold.PriceMinor > 0)
        {
            db.LedgerEntries.Add(LedgerEntry.Record(sold.TenantId, client, null, LedgerKind.PackageSale, sold.PriceMinor, sold.Currency, sold.Name, caller.MembershipId, now));
        }

        db.AuditEvents.Add(AuditEvent.Record(sold.TenantId, "package.sold", now, caller.UserId, sold.Id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/client-packages?clientAthleteId={client.AthleteId}", ToResponse(sold, [], today));
    }

    internal static async Task<IResult> Holdings(ClaimsPrincipal user, HttpContext http, FormaDbContext db, TimeProvider clock, CancellationToken cancellationToken,
        Guid? clientAthleteId = null, Guid? clientMembershipId = null)
    {
        var caller = Caller.From(user);
        var (found, problem) = await ClientAccounts.ResolveAsync(caller, db, clientAthleteId, clientMembershipId, cancellationToken);
        if (found is not { } client)
        {
            return problem!;
        }

        var held = await db.ClientPackages.AsNoTracking().Where(p => p.ClientAthleteId == client.AthleteId && p.ClientMembershipId == client.GuardianMembershipId)
            .OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);
        var ids = held.Select(p => p.Id).ToList();
        var uses = (await db.CreditUses.AsNoTracking().Where(u => ids.Contains(u.ClientPackageId)).OrderBy(u => u.Date).ToListAsync(cancellationToken)).ToLookup(u => u.ClientPackageId);
        var today = Today(http, clock.GetUtcNow().UtcDateTime);
        return TypedResults.Ok(held.Select(p => ToResponse(p, uses[p.Id].ToList(), today)).ToList());
    }

    private static DateOnly Today(HttpContext http, DateTime now) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, TimeZoneInfo.FindSystemTimeZoneById(http.Tenant().TimeZone)));

    private static ClientPackageResponse ToResponse(ClientPackage p, IReadOnlyList<CreditUse> uses, DateOnly today)
    {
        var period = p.PeriodOf(today < p.ValidFrom ? p.ValidFrom : today);
        var remaining = p.Sessions - uses.Where(u => u.PeriodStart == period && u.ReturnedAt is null).Sum(u => u.Seats);
        return new ClientPackageResponse(p.Id, p.PackageId, p.Name, p.Kind, p.Sessions, p.ValidOn(today) || today < p.ValidFrom ? remaining : 0, p.ValidFrom, p.ValidUntil, p.ServiceIds,
            p.ClientAthleteId, p.ClientMembershipId, uses.Select(u => new CreditUseResponse(u.BookingId, u.Date, u.Seats, u.PeriodStart, u.ReturnedAt is not null)).ToList());
    }
}
