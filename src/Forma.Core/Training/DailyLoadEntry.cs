using Forma.Core.Tenancy;

namespace Forma.Core.Training;

/// <summary>
/// One day of an athlete's load model (stored so dashboards read instead of compute): the day's load and
/// CTL/ATL/TSB, ramp, monotony, strain and acute:chronic ratio as <c>Forma.Analytics.Load.LoadModel</c> defines them.
/// </summary>
public sealed class DailyLoadEntry : ITenantOwned
{
    public Guid TenantId { get; private set; }
    public Guid AthleteId { get; private set; }
    public DateOnly Day { get; private set; }
    public double Load { get; private set; }
    public double Ctl { get; private set; }
    public double Atl { get; private set; }
    public double Tsb { get; private set; }
    public double RampRate { get; private set; }
    public double? Monotony { get; private set; }
    public double? Strain { get; private set; }
    public double? AcuteChronicRatio { get; private set; }

    private DailyLoadEntry()
    {
    }

    public static DailyLoadEntry Create(Guid tenantId, Guid athleteId, DateOnly day, double load, double ctl, double atl, double tsb, double rampRate, double? monotony, double? strain, double? acuteChronicRatio) =>
        new()
        {
            TenantId = tenantId, AthleteId = athleteId, Day = day, Load = load, Ctl = ctl, Atl = atl, Tsb = tsb,
            RampRate = rampRate, Monotony = monotony, Strain = strain, AcuteChronicRatio = acuteChronicRatio,
        };
}
