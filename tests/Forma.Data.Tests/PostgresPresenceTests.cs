using Forma.Testing;

namespace Forma.Data.Tests;

public class PostgresPresenceTests
{
    /// <summary>The test command always provides PostgreSQL; if it silently did not, half the suite would be skipped unnoticed.</summary>
    [Fact]
    public void TestCommand_ProvidesPostgres()
    {
        if (Environment.GetEnvironmentVariable("FORMA_TEST_REQUIRE_POSTGRES") == "1")
        {
            Assert.NotNull(TestDatabase.PostgresServer);
        }
    }
}
