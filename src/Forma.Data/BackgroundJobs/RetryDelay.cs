namespace Forma.Data.BackgroundJobs;

/// <summary>
/// Exponential back-off with "equal jitter" (AWS Architecture Blog, "Exponential Backoff and Jitter", 2015):
/// the ceiling doubles per attempt up to a cap, and the delay is half the ceiling plus a uniform random
/// part of the other half. Half keeps a floor so a retry storm cannot hammer a sick dependency; the random
/// half spreads the retries of many jobs that failed together.
/// </summary>
public static class RetryDelay
{
    /// <param name="failedAttempt">1 for the first failure.</param>
    /// <param name="unitRandom">A value in [0, 1).</param>
    public static TimeSpan After(int failedAttempt, TimeSpan baseDelay, TimeSpan maxDelay, double unitRandom)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failedAttempt, 1);
        var exponent = Math.Min(failedAttempt - 1, 30);
        var ceiling = Math.Min(baseDelay.TotalMilliseconds * Math.Pow(2, exponent), maxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((ceiling / 2) + (unitRandom * ceiling / 2));
    }
}
