using Microsoft.EntityFrameworkCore.Migrations;

namespace Forma.Data.Migrations;

/// <summary>
/// The database's own guards on tenant data, added by migrations. On PostgreSQL: the application role and
/// row-level security. On SQLite (one process, one file, no roles): a trigger that keeps a row's tenant
/// from ever changing, which is what a bulk update could otherwise do past the application's save guard.
/// </summary>
public static class DatabaseSecurity
{
    /// <summary>The role the application connects as. It owns nothing, so row-level security applies to it.</summary>
    public const string ApplicationRole = "forma_app";

    public const string PolicyName = "tenant_isolation";

    /// <summary>The transaction-local setting row-level security reads the tenant from.</summary>
    public const string TenantSetting = "app.tenant_id";

    /// <summary>The procedure that sets <see cref="TenantSetting"/> for the current transaction (see TenantSettingProcedureMigration).</summary>
    public const string EnterTenantProcedure = "forma_enter_tenant";

    private const string CurrentTenant = $"NULLIF(current_setting('{TenantSetting}', true), '')::uuid";

    /// <summary>
    /// Call for every tenant-owned table. PostgreSQL: row-level security, so a row is visible and writable
    /// only while the transaction's <c>app.tenant_id</c> names its tenant (with no setting nothing is
    /// visible). SQLite: <c>tenant_id</c> becomes immutable.
    /// </summary>
    public static void ProtectTenantTable(this MigrationBuilder migrationBuilder, string table)
    {
        if (!migrationBuilder.IsNpgsql())
        {
            migrationBuilder.Sql($"""
                CREATE TRIGGER {table}_tenant_id_immutable BEFORE UPDATE OF tenant_id ON {table}
                FOR EACH ROW WHEN NEW.tenant_id IS NOT OLD.tenant_id
                BEGIN SELECT RAISE(ABORT, 'tenant_id of {table} cannot change'); END;
                """);
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

    /// <summary>
    /// Sign-in must find which businesses a person belongs to before any tenant is chosen, which row-level
    /// security forbids the application role. This function, owned by the schema owner and so exempt,
    /// answers exactly that question — tenant ids for one user id — and nothing else.
    /// </summary>
    public static void CreateMembershipLookup(this MigrationBuilder migrationBuilder)
    {
        if (!migrationBuilder.IsNpgsql())
        {
            return;
        }

        migrationBuilder.Sql($"""
            CREATE FUNCTION {MembershipLookupFunction}(p_user_id uuid) RETURNS TABLE (tenant_id uuid)
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp
            AS $$ SELECT m.tenant_id FROM public.memberships m WHERE m.user_id = p_user_id $$;
            """);
        migrationBuilder.Sql($"REVOKE ALL ON FUNCTION {MembershipLookupFunction}(uuid) FROM PUBLIC;");
        migrationBuilder.Sql($"GRANT EXECUTE ON FUNCTION {MembershipLookupFunction}(uuid) TO {ApplicationRole};");
    }

    public const string MembershipLookupFunction = "forma_tenants_of_user";

    private static bool IsNpgsql(this MigrationBuilder migrationBuilder) =>
        migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL";
}
