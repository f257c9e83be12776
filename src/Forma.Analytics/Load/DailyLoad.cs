namespace Forma.Analytics.Load;

/// <summary>
/// One day of the load model (docs/analytics/models.md §2). <paramref name="Tsb"/> is the form going into the
/// day (yesterday's CTL − ATL); <paramref name="Monotony"/> and <paramref name="Strain"/> need a full week and
/// a varying load; <paramref name="AcuteChronicRatio"/> needs a chronic load of at least
/// <see cref="LoadModel.MinimumChronicLoad"/>.
/// </summary>
public sealed record DailyLoad(
    DateOnly Date,
    double Load,
    double Ctl,
    double Atl,
    double Tsb,
    double RampRate,
    double? Monotony,
    double? Strain,
    double? AcuteChronicRatio);
