using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Forma.Data.Migrations;

/// <summary>
/// PostgreSQL: <c>forma_enter_tenant(uuid)</c>, the statement a command outside a transaction starts with. It sets
/// <c>app.tenant_id</c> for the current transaction, like <c>SET LOCAL</c>, but without the warning <c>SET LOCAL</c>
/// raises outside an explicit transaction block — one server log line and one client notice per query before —
/// and, taking the id as a parameter, one prepared statement serves every tenant. A procedure, because
/// <c>CALL</c> returns no result set that the command's reader would read first.
/// </summary>
[DbContext(typeof(FormaDbContext))]
[Migration("20261122110000_TenantSettingProcedure")]
public sealed class TenantSettingProcedureMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsNpgsql())
        {
            return;
        }

        migrationBuilder.Sql($"""
            CREATE PROCEDURE {DatabaseSecurity.EnterTenantProcedure}(tenant uuid) LANGUAGE sql
            AS $$ SELECT set_config('{DatabaseSecurity.TenantSetting}', tenant::text, true) $$;
            """);
        migrationBuilder.Sql($"GRANT EXECUTE ON PROCEDURE {DatabaseSecurity.EnterTenantProcedure}(uuid) TO {DatabaseSecurity.ApplicationRole};");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.IsNpgsql())
        {
            migrationBuilder.Sql($"DROP PROCEDURE {DatabaseSecurity.EnterTenantProcedure}(uuid);");
        }
    }
}
