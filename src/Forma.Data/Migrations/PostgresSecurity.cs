using Microsoft.EntityFrameworkCore.Migrations;

namespace Forma.Data.Migrations;

/// <summary>
/// PostgreSQL-only statements that migrations add: the application role and row-level security.
/// On SQLite (one process, one file) they do nothing; isolation there rests on the application checks.
/// </summary>
public static class PostgresSecurity
{
    /// <summary>The role the application connects as. It owns nothing, so row-level security applies to it.</summary>
    public const string ApplicationRole = "forma_app";

    public const string PolicyName = "tenant_isolation";

    private const string CurrentTenant = "NULLIF(current_setting('app.tenant_id', true), '')::uuid";

    /// <summary>
    /// Turns on row-level security for a tenant-owned table: a row is visible and writable only while the
    /// transaction's <c>app.tenant_id</c> names its tenant; with no setting nothing is visible.
    /// </summary>
    public static void EnableTenantRowLevelSecurity(this MigrationBuilder migrationBuilder, string table)
    {
        if (!migrationBuilder.IsNpgsql())
        {
            return;
        }

        migrationBuilder.Sql($"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY;");
        migrationBuilder.Sql($"CREATE POLICY {PolicyName} ON {table} USING (tenant_id = {CurrentTenant}) WITH CHECK (tenant_id = {CurrentTenant});");
    }

    /// <summary>
    /// Creates the application role when it does not exist yet (it needs a login and password from the
    /// operator; see docs/scale-out.md) and grants it data access, never ownership. Call at the end of
    /// every migration that adds tables.
    /// </summary>
    public static void GrantApplicationRole(this MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsNpgsql())
        {
            return;
        }

        migrationBuilder.Sql($"""
            DO $$
            BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{ApplicationRole}') THEN
                CREATE ROLE {ApplicationRole} NOLOGIN;
              END IF;
            END $$;
            """);
        migrationBuilder.Sql($"GRANT USAGE ON SCHEMA public TO {ApplicationRole};");
        migrationBuilder.Sql($"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {ApplicationRole};");
        migrationBuilder.Sql($"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {ApplicationRole};");
        // The application may read which migrations ran (readiness) but never write the history.
        migrationBuilder.Sql($"""REVOKE INSERT, UPDATE, DELETE ON "__EFMigrationsHistory" FROM {ApplicationRole};""");
    }

    private static bool IsNpgsql(this MigrationBuilder migrationBuilder) =>
        migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL";
}
