namespace Forma.Testing;

/// <summary>
/// A seeded, ride-like 1 Hz power stream: blocks of steady effort, coasting at 0 W, short sprints and noise. For
/// analytics tests (against brute force) and benchmarks, where a flat or white-noise stream would be unrepresentative.
/// </summary>
public static class SyntheticRide
{
    public static double[] Power(int seed, int seconds)
    {
        var random = new Random(seed);
        var power = new double[seconds];
        var i = 0;
        while (i < seconds)
        {
            var length = random.Next(5, 600);
            var level = random.NextDouble() switch
            {
                < 0.15 => 0,
                < 0.20 => 600 + (random.NextDouble() * 700),
                _ => 120 + (random.NextDouble() * 220),
            };
            if (level > 500)
            {
                length = random.Next(5, 30);
            }

            for (var end = Math.Min(seconds, i + length); i < end; i++)
            {
                power[i] = level == 0 ? 0 : Math.Max(0, Math.Round(level + ((random.NextDouble() - 0.5) * 60)));
            }
        }

        return power;
    }
}
