namespace Forma.Testing;

/// <summary>
/// The team's shared activity files (real recordings, with their sources and expected values) live in
/// ../shared/fixtures beside the checkout; tests read them in place and never copy them into the repo.
/// </summary>
public static class SharedFixtures
{
    public static string Activities { get; } = Find();

    public static string Path(string relative) => System.IO.Path.Combine(Activities, relative);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var candidate in new[] { System.IO.Path.Combine(dir.FullName, "shared", "fixtures", "activities"), System.IO.Path.Combine(dir.FullName, "..", "shared", "fixtures", "activities") })
            {
                if (Directory.Exists(candidate))
                {
                    return System.IO.Path.GetFullPath(candidate);
                }
            }
        }

        throw new DirectoryNotFoundException("../shared/fixtures/activities was not found beside the checkout.");
    }
}
