using Forma.Data;
using Xunit;

namespace Forma.Testing;

/// <summary>Theory data: one row per database the run has, labelled by provider name.</summary>
public sealed class DatabaseProviders : TheoryData<DatabaseProvider>
{
    public DatabaseProviders()
    {
        foreach (var provider in TestDatabase.Providers)
        {
            Add(provider);
        }
    }
}
