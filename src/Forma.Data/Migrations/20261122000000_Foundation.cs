using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Forma.Data.Migrations;

/// <summary>
/// Written by hand (the EF Core design-time package is not available here). Column types are left to
/// each provider's mapping of the CLR type, so one migration serves SQLite and PostgreSQL; the schema
/// test proves the result equals the EF model on both.
/// </summary>
[DbContext(typeof(FormaDbContext))]
[Migration("20261122000000_Foundation")]
public sealed class Foundation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        CreatePlatformTables(migrationBuilder);
        CreateTenantTables(migrationBuilder);
        CreateJobTables(migrationBuilder);
        migrationBuilder.GrantApplicationRole();
    }

    private static void CreatePlatformTables(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "tenants",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                display_name = table.Column<string>(maxLength: 200, nullable: false),
                slug = table.Column<string>(maxLength: 40, nullable: false),
                plan = table.Column<string>(maxLength: 40, nullable: false),
                status = table.Column<string>(maxLength: 20, nullable: false),
                time_zone = table.Column<string>(maxLength: 64, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_tenants", x => x.id));
        migrationBuilder.CreateIndex("IX_tenants_slug", "tenants", "slug", unique: true);

        migrationBuilder.CreateTable(
            name: "users",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                email = table.Column<string>(maxLength: 254, nullable: false),
                first_name = table.Column<string>(maxLength: 100, nullable: false),
                last_name = table.Column<string>(maxLength: 100, nullable: false),
                password_hash = table.Column<string>(maxLength: 500, nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_users", x => x.id));
        migrationBuilder.CreateIndex("IX_users_email", "users", "email", unique: true);

        migrationBuilder.CreateTable(
            name: "data_protection_keys",
            columns: table => new
            {
                friendly_name = table.Column<string>(maxLength: 200, nullable: false),
                xml = table.Column<string>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_data_protection_keys", x => x.friendly_name));
    }

    private static void CreateTenantTables(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "memberships",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                user_id = table.Column<Guid>(nullable: false),
                role = table.Column<string>(maxLength: 20, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_memberships", x => new { x.tenant_id, x.id });
                table.ForeignKey("FK_memberships_tenants_tenant_id", x => x.tenant_id, "tenants", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_memberships_users_user_id", x => x.user_id, "users", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_memberships_tenant_id_user_id", "memberships", ["tenant_id", "user_id"], unique: true);
        migrationBuilder.CreateIndex("IX_memberships_user_id", "memberships", "user_id");
        migrationBuilder.ProtectTenantTable("memberships");

        migrationBuilder.CreateTable(
            name: "athletes",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                first_name = table.Column<string>(maxLength: 100, nullable: false),
                last_name = table.Column<string>(maxLength: 100, nullable: false),
                email = table.Column<string>(maxLength: 254, nullable: true),
                birth_date = table.Column<DateOnly>(nullable: true),
                user_id = table.Column<Guid>(nullable: true),
                coach_membership_id = table.Column<Guid>(nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_athletes", x => new { x.tenant_id, x.id });
                table.ForeignKey("FK_athletes_tenants_tenant_id", x => x.tenant_id, "tenants", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_athletes_memberships_tenant_id_coach_membership_id", x => new { x.tenant_id, x.coach_membership_id }, "memberships", ["tenant_id", "id"], onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_athletes_users_user_id", x => x.user_id, "users", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_athletes_tenant_id_coach_membership_id", "athletes", ["tenant_id", "coach_membership_id"]);
        migrationBuilder.CreateIndex("IX_athletes_tenant_id_last_name_first_name", "athletes", ["tenant_id", "last_name", "first_name"]);
        migrationBuilder.CreateIndex("IX_athletes_user_id", "athletes", "user_id");
        migrationBuilder.ProtectTenantTable("athletes");

        migrationBuilder.CreateTable(
            name: "audit_events",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                occurred_at = table.Column<DateTime>(nullable: false),
                actor_user_id = table.Column<Guid>(nullable: true),
                action = table.Column<string>(maxLength: 100, nullable: false),
                target_id = table.Column<string>(maxLength: 100, nullable: true),
                details = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_audit_events", x => new { x.tenant_id, x.id });
                table.ForeignKey("FK_audit_events_tenants_tenant_id", x => x.tenant_id, "tenants", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_audit_events_tenant_id_occurred_at", "audit_events", ["tenant_id", "occurred_at"]);
        migrationBuilder.ProtectTenantTable("audit_events");
    }

    private static void CreateJobTables(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "background_jobs",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                tenant_id = table.Column<Guid>(nullable: true),
                type = table.Column<string>(maxLength: 200, nullable: false),
                payload = table.Column<string>(nullable: false),
                state = table.Column<string>(maxLength: 20, nullable: false),
                attempts = table.Column<int>(nullable: false),
                max_attempts = table.Column<int>(nullable: false),
                run_at = table.Column<DateTime>(nullable: false),
                locked_by = table.Column<string>(maxLength: 200, nullable: true),
                lock_token = table.Column<Guid>(nullable: true),
                locked_until = table.Column<DateTime>(nullable: true),
                last_error = table.Column<string>(nullable: true),
                dedupe_key = table.Column<string>(maxLength: 300, nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                completed_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_background_jobs", x => x.id));
        migrationBuilder.CreateIndex("IX_background_jobs_state_run_at", "background_jobs", ["state", "run_at"]);
        migrationBuilder.CreateIndex("IX_background_jobs_dedupe_key", "background_jobs", "dedupe_key", unique: true);

        migrationBuilder.CreateTable(
            name: "recurring_jobs",
            columns: table => new
            {
                name = table.Column<string>(maxLength: 200, nullable: false),
                cron = table.Column<string>(maxLength: 120, nullable: false),
                time_zone = table.Column<string>(maxLength: 64, nullable: false),
                job_type = table.Column<string>(maxLength: 200, nullable: false),
                payload = table.Column<string>(nullable: false),
                tenant_id = table.Column<Guid>(nullable: true),
                next_run_at = table.Column<DateTime>(nullable: false),
                last_run_at = table.Column<DateTime>(nullable: true),
                last_error = table.Column<string>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_recurring_jobs", x => x.name));
        migrationBuilder.CreateIndex("IX_recurring_jobs_next_run_at", "recurring_jobs", "next_run_at");
    }
}
