using System.Reflection;

namespace Forma.Web.Tests.Architecture;

/// <summary>
/// Database-provider code lives in Forma.Data only (locks, error codes, provider SQL). The compiler records an
/// assembly reference only for assemblies whose types a project uses, so a layer that names any Npgsql or SQLite
/// type — an exception to inspect, an <c>IsNpgsql()</c> check — shows up here.
/// </summary>
public class ProviderSeamTests
{
    private static readonly string[] ProviderAssemblies = ["Npgsql", "Microsoft.Data.Sqlite", "Microsoft.EntityFrameworkCore.Sqlite", "SQLitePCLRaw"];

    public static TheoryData<string> LayersAboveTheData => new() { "Forma.Web", "Forma.Core", "Forma.Analytics", "Forma.Formats" };

    [Theory]
    [MemberData(nameof(LayersAboveTheData))]
    public void Layer_ReferencesNoDatabaseProvider(string layer)
    {
        var references = Assembly.Load(layer).GetReferencedAssemblies().Select(a => a.Name ?? "");

        Assert.DoesNotContain(references, name => ProviderAssemblies.Any(provider => name.StartsWith(provider, StringComparison.Ordinal)));
    }

    [Fact]
    public void TheDataLayer_DoesReferenceTheProviders() =>
        Assert.Contains(Assembly.Load("Forma.Data").GetReferencedAssemblies(), a => a.Name == "Npgsql");
}
