using Xunit;

namespace Forma.Testing;

/// <summary>A test that needs PostgreSQL; reported as skipped (never as passed) when no server was given.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabase.PostgresServer is null)
        {
            Skip = $"PostgreSQL only: set {TestDatabase.PostgresVariable} (the test command does).";
        }
    }
}
