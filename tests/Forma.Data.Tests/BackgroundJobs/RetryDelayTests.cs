using Forma.Data.BackgroundJobs;

namespace Forma.Data.Tests.BackgroundJobs;

public class RetryDelayTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Max = TimeSpan.FromHours(1);

    [Theory]
    // ceiling = min(10 s * 2^(n-1), 1 h); delay = ceiling/2 + r * ceiling/2
    [InlineData(1, 0.0, 5)]
    [InlineData(1, 0.5, 7.5)]
    [InlineData(2, 0.0, 10)]
    [InlineData(4, 1.0, 80)]
    [InlineData(9, 0.0, 1280)]
    [InlineData(10, 0.0, 1800)]
    [InlineData(30, 1.0, 3600)]
    public void After_GrowsExponentiallyWithJitterUpToTheCap(int attempt, double random, double expectedSeconds)
    {
        Assert.Equal(expectedSeconds, RetryDelay.After(attempt, Base, Max, random).TotalSeconds, precision: 6);
    }

    [Fact]
    public void After_WithRandomJitter_StaysWithinHalfToFullCeiling()
    {
        var random = new Random(42);
        for (var attempt = 1; attempt <= 12; attempt++)
        {
            var ceiling = Math.Min(10 * Math.Pow(2, attempt - 1), 3600);
            var delay = RetryDelay.After(attempt, Base, Max, random.NextDouble()).TotalSeconds;
            Assert.InRange(delay, ceiling / 2, ceiling);
        }
    }
}
