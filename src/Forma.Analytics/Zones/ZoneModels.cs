using Forma.Analytics.Physiology;

namespace Forma.Analytics.Zones;

/// <summary>
/// The published zone tables as <see cref="ZoneSet"/>s. Each table is printed in whole percentages with
/// a one-percent seam between zones (Coggan's "&lt;55 %" then "56–75 %"); the cuts here are the round
/// figures the table is built on, so every value lands in exactly one zone. Sources and cuts:
/// docs/analytics/metrics.md, "Zones".
/// </summary>
public static class ZoneModels
{
    /// <summary>
    /// Coggan's seven power levels (Allen &amp; Coggan, <i>Training and Racing with a Power Meter</i>, 2nd ed. 2010,
    /// table 3.1): cuts at 55, 75, 90, 105, 120 and 150 % of FTP, each level's top as published.
    /// </summary>
    public static ZoneSet CogganPower(double ftp)
    {
        RequirePositive(ftp, nameof(ftp));
        return Scaled(ZoneKinds.Power, "coggan", ftp,
            [55, 75, 90, 105, 120, 150],
            ["Active recovery", "Endurance", "Tempo", "Threshold", "VO2max", "Anaerobic", "Neuromuscular"]);
    }

    /// <summary>
    /// Friel's seven heart-rate zones as % of lactate-threshold heart rate (Friel, "Quick Guide to Setting Zones",
    /// TrainingPeaks): run 85, 90, 95, 100, 103, 106 %; bike 81, 90, 94, 100, 103, 106 % — each zone's published bottom.
    /// </summary>
    public static ZoneSet FrielHeartRate(double lthr, bool running)
    {
        RequirePositive(lthr, nameof(lthr));
        double[] cuts = running ? [85, 90, 95, 100, 103, 106] : [81, 90, 94, 100, 103, 106];
        return Scaled(ZoneKinds.HeartRate, running ? "friel-run" : "friel-bike", lthr, cuts, _frielNames);
    }

    /// <summary>
    /// Friel's seven run pace zones (same guide) as speed bands. Friel prints % of threshold <i>pace</i>
    /// (time per km): cuts 129, 114, 106, 100, 97, 90 %; a speed is the reciprocal, so the speed cuts are
    /// 1/1.29, 1/1.14, 1/1.06, 1, 1/0.97 and 1/0.90 of threshold speed.
    /// </summary>
    public static ZoneSet Pace(double thresholdSpeed)
    {
        RequirePositive(thresholdSpeed, nameof(thresholdSpeed));
        return Scaled(ZoneKinds.Pace, "pace", thresholdSpeed,
            [100 / 1.29, 100 / 1.14, 100 / 1.06, 100, 100 / 0.97, 100 / 0.90], _frielNames);
    }

    /// <summary>
    /// Zones from a coach's own cuts: n strictly ascending, finite, non-negative boundaries make n + 1 zones,
    /// the first from 0 and the last open-ended. Names default to Z1…Zn+1.
    /// </summary>
    public static ZoneSet Custom(string kind, IReadOnlyList<double> boundaries, IReadOnlyList<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(boundaries);
        if (!ZoneKinds.All.Contains(kind))
        {
            throw new ArgumentException($"Unknown zone kind '{kind}'; expected power, heartRate or pace.", nameof(kind));
        }

        if (boundaries.Count == 0)
        {
            throw new ArgumentException("At least one boundary is needed to make two zones.", nameof(boundaries));
        }

        for (var i = 0; i < boundaries.Count; i++)
        {
            if (!double.IsFinite(boundaries[i]) || boundaries[i] <= 0)
            {
                throw new ArgumentException($"Boundary {i + 1} ({boundaries[i]}) is not a positive finite number.", nameof(boundaries));
            }

            if (i > 0 && boundaries[i] <= boundaries[i - 1])
            {
                throw new ArgumentException($"Boundaries must ascend strictly; boundary {i + 1} ({boundaries[i]}) is not above {boundaries[i - 1]}.", nameof(boundaries));
            }
        }

        if (names is not null && names.Count != boundaries.Count + 1)
        {
            throw new ArgumentException($"{boundaries.Count} boundaries make {boundaries.Count + 1} zones, but {names.Count} names were given.", nameof(names));
        }

        if (names is not null && names.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("Every zone needs a non-empty name.", nameof(names));
        }

        var zones = new Zone[boundaries.Count + 1];
        for (var i = 0; i < zones.Length; i++)
        {
            var low = i == 0 ? 0 : boundaries[i - 1];
            var high = i == boundaries.Count ? double.PositiveInfinity : boundaries[i];
            zones[i] = new Zone(names?[i] ?? FormattableString.Invariant($"Z{i + 1}"), low, high);
        }

        return new ZoneSet(kind, "custom", zones);
    }

    /// <summary>
    /// The default sets the thresholds allow: Coggan power for rides with FTP; Friel heart rate with LTHR
    /// (the run table for runs and walks, the bike table otherwise); Friel pace for runs with a threshold speed.
    /// </summary>
    public static IReadOnlyList<ZoneSet> For(Thresholds thresholds, string sport)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var kind = SportKinds.Of(sport);
        var onFoot = kind is SportKind.Run or SportKind.Walk;
        var sets = new List<ZoneSet>(3);
        if (kind == SportKind.Ride && thresholds.FunctionalThresholdPower is > 0 and var ftp)
        {
            sets.Add(CogganPower(ftp));
        }

        if (thresholds.ThresholdHeartRate is > 0 and var lthr)
        {
            sets.Add(FrielHeartRate(lthr, onFoot));
        }

        if (kind == SportKind.Run && thresholds.ThresholdSpeed is > 0 and var speed)
        {
            sets.Add(Pace(speed));
        }

        return sets;
    }

    private static readonly string[] _frielNames = ["1", "2", "3", "4", "5a", "5b", "5c"];

    private static ZoneSet Scaled(string kind, string model, double reference, double[] percents, string[] names)
    {
        var zones = new Zone[percents.Length + 1];
        for (var i = 0; i < zones.Length; i++)
        {
            var low = i == 0 ? 0 : percents[i - 1] * reference / 100;
            var high = i == percents.Length ? double.PositiveInfinity : percents[i] * reference / 100;
            zones[i] = new Zone(names[i], low, high);
        }

        return new ZoneSet(kind, model, zones);
    }

    private static void RequirePositive(double value, string name)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "A threshold is a positive finite number.");
        }
    }
}
