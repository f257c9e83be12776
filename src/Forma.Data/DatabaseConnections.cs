using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Forma.Data;

/// <summary>Provider choice and connection-string handling, in one place for the app, the migrator and the tests.</summary>
public static class DatabaseConnections
{
    public static void UseProvider(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                builder.UseSqlite(connectionString);
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(WithPostgresDefaults(connectionString));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider.");
        }
    }

    /// <summary>
    /// What the app wants from Npgsql unless the connection string says otherwise. Auto-prepare: the app sends the same
    /// few hundred statements all day, and parsing and planning them again was most of PostgreSQL's time under load.
    /// No reset on close: the app never leaves session state on a connection (the tenant setting is transaction-local,
    /// locks are transaction-level), so the reset Npgsql would prepend on every pooled open is pure cost — and the
    /// same rule is what keeps pgbouncer in transaction mode safe.
    /// </summary>
    public static string WithPostgresDefaults(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!HasKey(connectionString, "Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = 256;
        }

        if (!HasKey(connectionString, "No Reset On Close"))
        {
            builder.NoResetOnClose = true;
        }

        return builder.ConnectionString;
    }

    /// <summary>Whether the connection string itself names the setting (in any of its spellings: "Max Auto Prepare", "MaxAutoPrepare").</summary>
    private static bool HasKey(string connectionString, string key)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        return given.Keys.Cast<string>().Any(k => string.Equals(k.Replace(" ", "", StringComparison.Ordinal), key.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>A relative SQLite path is taken from <paramref name="basePath"/>, and its folder is created, so a fresh clone runs with no set-up.</summary>
    public static void ResolveSqlitePaths(DatabaseOptions options, string basePath)
    {
        if (options.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        options.ConnectionString = ResolveSqlitePath(options.ConnectionString, basePath);
        if (!string.IsNullOrWhiteSpace(options.MigrationConnectionString))
        {
            options.MigrationConnectionString = ResolveSqlitePath(options.MigrationConnectionString, basePath);
        }
    }

    /// <summary>The connection string with any password replaced, for logs and error messages.</summary>
    public static string Redact(DatabaseProvider provider, string connectionString)
    {
        if (provider != DatabaseProvider.Postgres)
        {
            return connectionString;
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(builder.Password))
        {
            builder.Password = "***";
        }

        return builder.ConnectionString;
    }

    private static string ResolveSqlitePath(string connectionString, string basePath)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is "" or ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            return connectionString;
        }

        var path = Path.GetFullPath(builder.DataSource, basePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        builder.DataSource = path;
        return builder.ConnectionString;
    }
}
