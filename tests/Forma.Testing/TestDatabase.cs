using Forma.Data;
using Forma.Data.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Forma.Testing;

/// <summary>
/// A fresh, empty database on a real server: a SQLite file in a temporary folder, or a new database on
/// the PostgreSQL cluster the test command started (<c>FORMA_TEST_POSTGRES</c>). On PostgreSQL the
/// owner connection is the cluster's superuser and the application connection is the unprivileged
/// <c>forma_app</c> role, as in production, so row-level security is really in force.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "FORMA_TEST_POSTGRES";
    public const string ApplicationRolePassword = "forma_app_test";

    private static readonly SemaphoreSlim RoleLock = new(1, 1);
    private static bool _roleReady;

    public DatabaseProvider Provider { get; }
    public string OwnerConnectionString { get; }
    public string AppConnectionString { get; }
    private readonly string _name;

    private TestDatabase(DatabaseProvider provider, string name, string owner, string app)
    {
        Provider = provider;
        _name = name;
        OwnerConnectionString = owner;
        AppConnectionString = app;
    }

    /// <summary>The PostgreSQL server the test command started, or null when run outside it.</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value ? value : null;

    /// <summary>The providers to run database tests on: SQLite always, PostgreSQL when a server was given.</summary>
    public static IEnumerable<DatabaseProvider> Providers =>
        PostgresServer is null ? [DatabaseProvider.Sqlite] : [DatabaseProvider.Sqlite, DatabaseProvider.Postgres];

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var name = "forma_test_" + Guid.NewGuid().ToString("N")[..12];
        if (provider == DatabaseProvider.Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "forma-tests");
            Directory.CreateDirectory(folder);
            var file = $"Data Source={Path.Combine(folder, name + ".db")}";
            return new TestDatabase(provider, name, file, file);
        }

        var server = PostgresServer ?? throw new InvalidOperationException($"Set {PostgresVariable} to run PostgreSQL tests (the test command does).");
        await EnsureApplicationRoleAsync(server);
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var owner = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        var app = new NpgsqlConnectionStringBuilder(server) { Database = name, Username = DatabaseSecurity.ApplicationRole, Password = ApplicationRolePassword }.ConnectionString;
        return new TestDatabase(provider, name, owner, app);
    }

    /// <summary>Creates a database and migrates it the way the server does at start-up.</summary>
    public static async Task<TestDatabase> CreateMigratedAsync(DatabaseProvider provider)
    {
        var database = await CreateAsync(provider);
        var options = new DatabaseOptions { Provider = provider, ConnectionString = database.AppConnectionString, MigrationConnectionString = database.OwnerConnectionString };
        await new DatabaseMigrator(Options.Create(options), NullLogger<DatabaseMigrator>.Instance).MigrateAsync();
        return database;
    }

    /// <summary>Configuration keys that point the application at this database.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Database:Provider"] = Provider.ToString(),
        ["Database:ConnectionString"] = AppConnectionString,
        ["Database:MigrationConnectionString"] = OwnerConnectionString,
    };

    public async ValueTask DisposeAsync()
    {
        if (Provider == DatabaseProvider.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { ".db", ".db-wal", ".db-shm" })
            {
                File.Delete(Path.Combine(Path.GetTempPath(), "forma-tests", _name + suffix));
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(PostgresServer);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// The role exists cluster-wide; creating it here, once, before any migration, keeps parallel test
    /// projects from racing to create it. The migration's own "create if missing" then finds it.
    /// </summary>
    private static async Task EnsureApplicationRoleAsync(string server)
    {
        await RoleLock.WaitAsync();
        try
        {
            if (_roleReady)
            {
                return;
            }

            await using var connection = new NpgsqlConnection(server);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"""
                DO $$
                BEGIN
                  CREATE ROLE {DatabaseSecurity.ApplicationRole} LOGIN PASSWORD '{ApplicationRolePassword}';
                EXCEPTION WHEN duplicate_object OR unique_violation THEN
                  ALTER ROLE {DatabaseSecurity.ApplicationRole} LOGIN PASSWORD '{ApplicationRolePassword}';
                END $$;
                """, connection);
            await command.ExecuteNonQueryAsync();
            _roleReady = true;
        }
        finally
        {
            RoleLock.Release();
        }
    }
}
