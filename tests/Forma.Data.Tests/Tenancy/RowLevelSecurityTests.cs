using Forma.Data.Migrations;
using Forma.Data.Tenancy;
using Forma.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Forma.Data.Tests.Tenancy;

/// <summary>
/// The database's half of isolation: raw SQL sent as the application's role, with the other tenant
/// set, neither sees nor changes anything of the other tenant, on every tenant-owned table. This is
/// what still holds if an application check is forgotten.
/// </summary>
public class RowLevelSecurityTests
{
    private const string RlsViolation = "42501";

    [PostgresFact]
    public async Task EveryTenantOwnedTable_HasRowLevelSecurityAndThePolicy()
    {
        await using var host = await DataHost.StartAsync(DatabaseProvider.Postgres);
        var tenants = await TwoTenants.SeedAsync(host);
        await using var owner = await OpenAsync(host.Database.OwnerConnectionString);

        foreach (var table in tenants.TenantOwned.Select(e => e.GetTableName()!))
        {
            Assert.True(await ScalarAsync<bool>(owner, $"SELECT relrowsecurity FROM pg_class WHERE oid = 'public.{table}'::regclass"), $"{table}: row-level security is off");
            Assert.Equal(1L, await ScalarAsync<long>(owner, $"SELECT count(*) FROM pg_policies WHERE schemaname = 'public' AND tablename = '{table}' AND policyname = '{DatabaseSecurity.PolicyName}'"));
        }
    }

    [PostgresFact]
    public async Task ApplicationRole_OwnsNothingAndCannotBypassRowLevelSecurity()
    {
        await using var host = await DataHost.StartAsync(DatabaseProvider.Postgres);
        await using var app = await OpenAsync(host.Database.AppConnectionString);

        Assert.Equal(DatabaseSecurity.ApplicationRole, await ScalarAsync<string>(app, "SELECT current_user"));
        Assert.False(await ScalarAsync<bool>(app, "SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user"));
        Assert.Equal(0L, await ScalarAsync<long>(app, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user"));
    }

    [PostgresFact]
    public async Task RawSql_AsApplicationRole_WithTenantASet_SeesAndChangesNothingOfTenantB()
    {
        await using var host = await DataHost.StartAsync(DatabaseProvider.Postgres);
        var tenants = await TwoTenants.SeedAsync(host);
        var before = await tenants.CountAsOwnerAsync(host);
        await using var app = await OpenAsync(host.Database.AppConnectionString);

        foreach (var entity in tenants.TenantOwned)
        {
            var table = entity.GetTableName()!;
            await using var transaction = await app.BeginTransactionAsync();
            await ExecuteAsync(app, $"SET LOCAL {PostgresTenantSettingInterceptor.SettingName} = '{tenants.A}'");

            Assert.Equal(before[table].A, await ScalarAsync<long>(app, $"SELECT count(*) FROM {table}"));
            Assert.Equal(0L, await ScalarAsync<long>(app, $"SELECT count(*) FROM {table} WHERE tenant_id = '{tenants.B}'"));
            Assert.Equal(0, await ExecuteAsync(app, $"UPDATE {table} SET tenant_id = tenant_id WHERE tenant_id = '{tenants.B}'"));
            Assert.Equal(0, await ExecuteAsync(app, $"DELETE FROM {table} WHERE tenant_id = '{tenants.B}'"));

            // Moving an own row into tenant B, or inserting a row for tenant B, breaks the policy's WITH CHECK.
            await AssertRefusedAsync(app, $"UPDATE {table} SET tenant_id = '{tenants.B}' WHERE tenant_id = '{tenants.A}'");
            await ExecuteAsync(app, $"CREATE TEMP TABLE copied ON COMMIT DROP AS SELECT * FROM {table} LIMIT 1");
            // A fresh id where the table has one; keys without one lead with tenant_id, so the copy is new anyway.
            var freshId = entity.FindProperty("Id") is not null ? ", id = gen_random_uuid()" : "";
            await ExecuteAsync(app, $"UPDATE copied SET tenant_id = '{tenants.B}'{freshId}");
            await AssertRefusedAsync(app, $"INSERT INTO {table} SELECT * FROM copied");
            await transaction.RollbackAsync();
        }

        Assert.Equal(before, await tenants.CountAsOwnerAsync(host));
    }

    [PostgresFact]
    public async Task RawSql_AsApplicationRole_WithNoTenantSet_SeesNothingAndWritesNothing()
    {
        await using var host = await DataHost.StartAsync(DatabaseProvider.Postgres);
        var tenants = await TwoTenants.SeedAsync(host);
        await using var app = await OpenAsync(host.Database.AppConnectionString);

        foreach (var table in tenants.TenantOwned.Select(e => e.GetTableName()!))
        {
            await using var transaction = await app.BeginTransactionAsync();
            Assert.Equal(0L, await ScalarAsync<long>(app, $"SELECT count(*) FROM {table}"));
            Assert.Equal(0, await ExecuteAsync(app, $"DELETE FROM {table}"));
            await transaction.RollbackAsync();
        }
    }

    /// <summary>Even with the EF Core filter switched off in code, PostgreSQL still returns only the scope's tenant.</summary>
    [PostgresFact]
    public async Task Application_WithQueryFilterIgnored_StillSeesOnlyItsTenant()
    {
        await using var host = await DataHost.StartAsync(DatabaseProvider.Postgres);
        var tenants = await TwoTenants.SeedAsync(host);

        var (scope, db) = host.Scope(tenants.A);
        await using (scope)
        {
            var athletes = await db.Athletes.IgnoreQueryFilters([TenantQueryFilter.Name]).ToListAsync();
            var audit = await db.AuditEvents.IgnoreQueryFilters([TenantQueryFilter.Name]).ToListAsync();
            Assert.NotEmpty(athletes);
            Assert.All(athletes, a => Assert.Equal(tenants.A, a.TenantId));
            Assert.All(audit, e => Assert.Equal(tenants.A, e.TenantId));
        }
    }

    private static async Task AssertRefusedAsync(NpgsqlConnection connection, string sql)
    {
        await ExecuteAsync(connection, "SAVEPOINT attempt");
        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, sql));
        Assert.Equal(RlsViolation, error.SqlState);
        await ExecuteAsync(connection, "ROLLBACK TO SAVEPOINT attempt");
    }

    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
