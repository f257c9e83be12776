using System.Security.Claims;
using Forma.Core.People;
using Forma.Core.Plans;
using Forma.Data;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Plans;

/// <summary>
/// The plans on sale (public, for the pricing page) and the business's usage against its plan: this period's counts
/// and the gauges, past periods, and AI spend.
/// </summary>
internal sealed class PlanEndpoints : IEndpointGroup
{
    /// <summary>How far back the usage history goes: a year of months, a month of days.</summary>
    private const int HistoryMonths = 12;

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/plans", (PlanCatalog catalog) => TypedResults.Ok(catalog.All.Select(PlanResponse.From).ToList()))
            .AllowAnonymous().WithTags("Plans").WithName("ListPlans").WithSummary("The plans on sale, smallest first, with prices, limits and features")
            .ProducesProblem(StatusCodes.Status500InternalServerError);
        app.MapGroup("/api/v1/usage").WithTags("Plans").RequireTenant().RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized)
            .MapGet("", Usage).WithName("GetUsage").WithSummary("This period's usage against the plan's limits (owners and admins), with past periods")
            .Produces<UsageResponse>().ProducesProblem(StatusCodes.Status403Forbidden);
    }

    internal static async Task<IResult> Usage(ClaimsPrincipal user, HttpContext http, FormaDbContext db, PlanGate gate, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!Caller.From(user).ManagesEveryone)
        {
            return ProblemDetailsSetup.Problem(StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, "Only owners and admins see the plan's usage.");
        }

        var plan = gate.Current;
        var now = clock.GetUtcNow().UtcDateTime;
        var state = http.Tenant().Plan;
        var month = gate.PeriodStart(UsagePeriod.Month);
        var day = gate.PeriodStart(UsagePeriod.Day);
        var counters = await db.UsageCounters.AsNoTracking().Where(c => c.PeriodStart >= month.AddMonths(-HistoryMonths)).ToListAsync(cancellationToken);
        var gauges = new Dictionary<PlanLimit, long>
        {
            [PlanLimit.ActiveAthletes] = await PlanGate.ActiveAthletes(db).LongCountAsync(cancellationToken),
            [PlanLimit.StaffSeats] = await StaffSeats(db).LongCountAsync(cancellationToken),
            [PlanLimit.StorageBytes] = await StoredBytes(db).SumAsync(cancellationToken),
        };

        var limits = Enum.GetValues<PlanLimit>().Select(limit =>
        {
            var period = PlanLimits.PeriodOf(limit);
            DateOnly? start = period switch { UsagePeriod.Month => month, UsagePeriod.Day => day, _ => null };
            DateOnly? resets = period switch { UsagePeriod.Month => month.AddMonths(1), UsagePeriod.Day => day.AddDays(1), _ => null };
            var used = start is { } s ? counters.Where(c => c.Metric == limit && c.PeriodStart == s).Sum(c => c.Used) : gauges[limit];
            return new LimitUsage(limit.ToString(), period.ToString(), start, resets, plan.Limits.Of(limit), used);
        }).ToList();

        var history = counters
            .Where(c => PlanLimits.PeriodOf(c.Metric) == UsagePeriod.Month ? c.PeriodStart < month : c.PeriodStart < day && c.PeriodStart >= day.AddDays(-31))
            .OrderBy(c => c.Metric).ThenByDescending(c => c.PeriodStart).Select(c => new PastUsage(c.Metric.ToString(), c.PeriodStart, c.Used)).ToList();

        var monthStartUtc = TimeZoneInfo.ConvertTimeToUtc(month.ToDateTime(TimeOnly.MinValue), TimeZoneInfo.FindSystemTimeZoneById(http.Tenant().TimeZone));
        var spend = await db.UsageEvents.AsNoTracking().Where(e => e.Metric == PlanLimit.AiRequestsPerMonth && e.RecordedAt >= monthStartUtc && e.Currency != null)
            .GroupBy(e => e.Currency!).Select(g => new AiSpend(g.Key, g.Sum(e => e.CostMicros ?? 0), g.Sum(e => e.Tokens ?? 0), g.Sum(e => e.Quantity))).ToListAsync(cancellationToken);

        return TypedResults.Ok(new UsageResponse(PlanResponse.From(plan), state.OnTrialAt(now), state.TrialEndsAt, state.PaymentGraceEndsAt, limits, history, spend));
    }

    /// <summary>Owners, admins and coaches take a seat; athletes and guardians do not.</summary>
    public static IQueryable<Membership> StaffSeats(FormaDbContext db) => db.Memberships.Where(m => m.Role == Role.Owner || m.Role == Role.Admin || m.Role == Role.Coach);

    /// <summary>Original files kept for the business (every upload is kept), in bytes.</summary>
    public static IQueryable<long> StoredBytes(FormaDbContext db) => db.ImportFiles.Select(f => f.Size);
}
