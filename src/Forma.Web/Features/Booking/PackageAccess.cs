using Forma.Core.Plans;

namespace Forma.Web.Features.Booking;

/// <summary>Packages need both the Booking and the Packages features of the plan.</summary>
internal static class PackageAccess
{
    public static void Ensure(Caller caller, PlanGate plan, string scope)
    {
        caller.RequireScope(scope);
        plan.EnsureFeature(PlanFeature.Booking);
        plan.EnsureFeature(PlanFeature.Packages);
    }
}
