using Forma.Testing;

namespace Forma.Formats.Tests;

/// <summary>The shared activity fixtures (see <see cref="SharedFixtures"/>), read in place beside the checkout.</summary>
internal static class Fixtures
{
    public static string Root => SharedFixtures.Activities;

    public static string Path(string relative) => SharedFixtures.Path(relative);

    public static byte[] Bytes(string relative) => File.ReadAllBytes(Path(relative));
}
