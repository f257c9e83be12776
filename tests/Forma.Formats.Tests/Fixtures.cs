namespace Forma.Formats.Tests;

/// <summary>
/// The team's shared activity files (real recordings, with their sources and expected values) live in
/// ../shared/fixtures beside the checkout; tests read them in place and never copy them into the repo.
/// </summary>
internal static class Fixtures
{
    public static string Root { get; } = Find();

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public static byte[] Bytes(string relative) => File.ReadAllBytes(Path(relative));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "fixtures", "activities");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }

            candidate = System.IO.Path.Combine(dir.FullName, "..", "shared", "fixtures", "activities");
            if (Directory.Exists(candidate))
            {
                return System.IO.Path.GetFullPath(candidate);
            }
        }

        throw new DirectoryNotFoundException("../shared/fixtures/activities was not found beside the checkout.");
    }
}
