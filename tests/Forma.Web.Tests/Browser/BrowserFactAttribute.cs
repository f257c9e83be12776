namespace Forma.Web.Tests.Browser;

/// <summary>
/// A test that drives a real browser. Skipped (never passed) when Chromium is missing — unless the run requires it
/// (the test command installs it and sets FORMA_TEST_REQUIRE_BROWSER), in which case the test runs and fails.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Chromium.Executable is null && Environment.GetEnvironmentVariable(Chromium.RequireVariable) != "1")
        {
            Skip = "Needs Chromium (Debian package 'chromium'); the test command installs it.";
        }
    }
}

/// <summary>The theory form of <see cref="BrowserFactAttribute"/>.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (Chromium.Executable is null && Environment.GetEnvironmentVariable(Chromium.RequireVariable) != "1")
        {
            Skip = "Needs Chromium (Debian package 'chromium'); the test command installs it.";
        }
    }
}
