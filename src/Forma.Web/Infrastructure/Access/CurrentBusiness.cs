using Forma.Web.Infrastructure.Tenancy;

namespace Forma.Web.Infrastructure.Access;

/// <summary>
/// The business a use case runs for, with its time zone and plan: the request's resolved tenant, or — for a job or a
/// test that runs a use case outside a request — the one it assigned. Use cases read it here, never from HttpContext.
/// </summary>
internal sealed class CurrentBusiness(IHttpContextAccessor http)
{
    private ResolvedTenant? assigned;

    public ResolvedTenant Tenant => assigned ?? http.HttpContext?.Features.Get<ResolvedTenant>()
        ?? throw new InvalidOperationException("A use case ran without a business: resolve the tenant first, or assign one.");

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(Tenant.TimeZone);

    /// <summary>Today where the business is.</summary>
    public DateOnly Today(DateTime utcNow) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utcNow, Zone));

    /// <summary>For work outside a request (a job): from now on this scope runs for <paramref name="tenant"/>.</summary>
    public void Assign(ResolvedTenant tenant) => assigned = tenant;
}
