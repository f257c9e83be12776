namespace Forma.Web.Tests.Architecture;

/// <summary>The checkout's own source files, for tests that hold the code to a rule no compiler checks.</summary>
internal static class RepositorySources
{
    public static string Root { get; } = FindRoot();

    public static IEnumerable<(string Path, string Text)> Read(string folder, params string[] extensions) =>
        Directory.EnumerateFiles(Path.Combine(Root, folder), "*", SearchOption.AllDirectories)
            .Where(p => extensions.Contains(Path.GetExtension(p), StringComparer.Ordinal))
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(p => (Path.GetRelativePath(Root, p), File.ReadAllText(p)));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Forma.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Forma.slnx was not found above the test binaries.");
    }
}
