using System.Text.RegularExpressions;

namespace Forma.Web.Tests.Architecture;

/// <summary>
/// The feature folders of Forma.Web (<c>Features/&lt;Area&gt;/</c>) should depend on each other one way only, so an
/// area can be read, tested and moved without dragging the others along. Read from the sources (a file of area A
/// naming <c>Forma.Web.Features.B</c>, in a using or fully qualified, is an edge A → B); each strongly connected group
/// of two or more areas is a cycle. The cycles already there when this test was written are listed, so a new one —
/// or an old one that grows — fails here while the listed ones are untangled (then delete their line).
/// </summary>
public partial class FeatureFolderCycleTests
{
    private static readonly string[] KnownCycles =
    [
        // (Accounts ↔ ApiKeys ↔ Plans is gone: the caller, API-key access and the plan gate moved to Infrastructure/Access.)
        // Imports and dedup enqueue the analysis jobs (Analytics), which read streams and lock the timeline through
        // Activities; both see athletes through Athletes' visibility rules, and the roster reads fitness from Analytics.
        "Activities ↔ Analytics ↔ Athletes",
    ];

    [Fact]
    public void FeatureFolders_GainNoDependencyCycle()
    {
        var cycles = Cycles(ReadGraph()).ToList();

        Assert.Subset(KnownCycles.ToHashSet(), cycles.ToHashSet());
    }

    [Fact]
    public void TheGraph_IsReadFromTheSources()
    {
        var graph = ReadGraph();

        // Known by reading the code: credentials check athletes' visibility, and imports ask the plan for stored bytes.
        Assert.Contains("Athletes", graph["Booking"]);
        Assert.Contains("Plans", graph["Activities"]);
    }

    /// <summary>Tarjan's strongly connected components; each of two or more areas, as "A ↔ B ↔ C" in name order.</summary>
    internal static IEnumerable<string> Cycles(IReadOnlyDictionary<string, SortedSet<string>> graph)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var found = new List<string>();

        void Visit(string area)
        {
            index[area] = low[area] = index.Count;
            stack.Push(area);
            onStack.Add(area);
            foreach (var next in graph.GetValueOrDefault(area) ?? [])
            {
                if (!index.TryGetValue(next, out var nextIndex))
                {
                    Visit(next);
                    low[area] = Math.Min(low[area], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[area] = Math.Min(low[area], nextIndex);
                }
            }

            if (low[area] == index[area])
            {
                var group = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    group.Add(member);
                }
                while (member != area);

                if (group.Count > 1)
                {
                    found.Add(string.Join(" ↔ ", group.Order(StringComparer.Ordinal)));
                }
            }
        }

        foreach (var area in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(area))
            {
                Visit(area);
            }
        }

        return found.Order(StringComparer.Ordinal);
    }

    private static Dictionary<string, SortedSet<string>> ReadGraph()
    {
        var features = Path.Combine(RepositoryRoot(), "src", "Forma.Web", "Features");
        var graph = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var folder in Directory.GetDirectories(features))
        {
            var area = Path.GetFileName(folder);
            var uses = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
            {
                foreach (Match match in FeatureReference().Matches(File.ReadAllText(file)))
                {
                    uses.Add(match.Groups["area"].Value);
                }
            }

            uses.Remove(area);
            graph[area] = uses;
        }

        return graph;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Forma.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Forma.slnx was not found above the test's folder.");
    }

    [GeneratedRegex(@"\bForma\.Web\.Features\.(?<area>[A-Za-z0-9_]+)")]
    private static partial Regex FeatureReference();
}
