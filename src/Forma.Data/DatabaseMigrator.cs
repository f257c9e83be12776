using Forma.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Forma.Data;

/// <summary>
/// Applies the migrations in this assembly as the schema owner. EF Core takes a database-wide lock while
/// migrating, so several instances starting together apply each migration once.
/// </summary>
public sealed partial class DatabaseMigrator(IOptions<DatabaseOptions> options, ILogger<DatabaseMigrator> logger)
{
    private readonly DatabaseOptions _options = options.Value;

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = CreateOwnerContext(_options.Provider, _options.OwnerConnectionString);
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        LogMigrating(_options.Provider, DatabaseConnections.Redact(_options.Provider, _options.OwnerConnectionString), pending.Count);
        await db.Database.MigrateAsync(cancellationToken);
        if (_options.Provider == DatabaseProvider.Sqlite)
        {
            // Write-ahead logging lets requests read while the job worker writes; the mode is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }
    }

    /// <summary>A context on the owner connection with no tenant: for migrations and schema inspection only.</summary>
    public static FormaDbContext CreateOwnerContext(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<FormaDbContext>();
        DatabaseConnections.UseProvider(builder, provider, connectionString);
        // Migrations are written by hand and there is no model snapshot to compare against; the schema
        // test (tests/Forma.Data.Tests/Schema) is what proves the model and the migrations agree.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        return new FormaDbContext(builder.Options, new NoTenant());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Migrating the {Provider} database {ConnectionString}: {Pending} pending migration(s)")]
    private partial void LogMigrating(DatabaseProvider provider, string connectionString, int pending);

    private sealed class NoTenant : ICurrentTenant
    {
        public Guid? TenantId => null;
    }
}
