using Forma.Core;
using Forma.Core.Plans;
using Forma.Web.Features.ApiKeys;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;

namespace Forma.Web.Features.Plans;

/// <summary>
/// Counts every request made with an API key against the plan's API calls per day (the business's day), refusing
/// with 402 once the day's allowance is spent — with Retry-After until the count resets. People's own sessions in
/// the app are not metered.
/// </summary>
internal sealed class ApiCallMetering(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, PlanGate gate, TimeProvider clock)
    {
        if (context.Features.Get<ResolvedTenant>() is null || !context.User.HasClaim(c => c.Type == ApiKeyAuthentication.KeyIdClaim))
        {
            await next(context);
            return;
        }

        try
        {
            await gate.AdmitAsync(PlanLimit.ApiCallsPerDay, 1, context.RequestAborted);
        }
        catch (DomainException refusal)
        {
            var resets = gate.PeriodStart(UsagePeriod.Day).AddDays(1).ToDateTime(TimeOnly.MinValue);
            var untilReset = TimeZoneInfo.ConvertTimeToUtc(resets, TimeZoneInfo.FindSystemTimeZoneById(context.Tenant().TimeZone)) - clock.GetUtcNow().UtcDateTime;
            context.Response.Headers.RetryAfter = ((long)Math.Ceiling(Math.Max(1, untilReset.TotalSeconds))).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await context.WriteRefusalAsync(refusal);
            return;
        }

        await next(context);
    }
}
