namespace Forma.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// What the application connects with. On PostgreSQL this is the <c>forma_app</c> role, which owns no
    /// table, so row-level security applies to every query it sends.
    /// </summary>
    public string ConnectionString { get; set; } = "Data Source=data/forma.db";

    /// <summary>
    /// What migrations connect with: the role that owns the tables. Defaults to <see cref="ConnectionString"/>,
    /// which is right for SQLite and for a single-role development database.
    /// </summary>
    public string? MigrationConnectionString { get; set; }

    /// <summary>Apply pending migrations when the server starts (instances take a lock, so several may start at once).</summary>
    public bool MigrateOnStartup { get; set; } = true;

    public string OwnerConnectionString => string.IsNullOrWhiteSpace(MigrationConnectionString) ? ConnectionString : MigrationConnectionString;
}
