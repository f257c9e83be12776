namespace Forma.Data.Tests;

public class DatabaseConnectionsTests
{
    [Fact]
    public void Redact_HidesThePostgresPasswordButKeepsWhereItPoints()
    {
        var redacted = DatabaseConnections.Redact(DatabaseProvider.Postgres, "Host=db.internal;Database=forma;Username=forma_app;Password=s3cret-Value");

        Assert.DoesNotContain("s3cret-Value", redacted, StringComparison.Ordinal);
        Assert.Contains("db.internal", redacted, StringComparison.Ordinal);
        Assert.Contains("forma_app", redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void ResolveSqlitePaths_MakesARelativeFileAbsoluteUnderTheBaseAndCreatesItsFolder()
    {
        var basePath = Directory.CreateTempSubdirectory("forma-paths-").FullName;
        var options = new DatabaseOptions { Provider = DatabaseProvider.Sqlite, ConnectionString = "Data Source=data/forma.db" };

        DatabaseConnections.ResolveSqlitePaths(options, basePath);

        Assert.Equal($"Data Source={Path.Combine(basePath, "data", "forma.db")}", options.ConnectionString);
        Assert.True(Directory.Exists(Path.Combine(basePath, "data")));
        Directory.Delete(basePath, recursive: true);
    }
}
