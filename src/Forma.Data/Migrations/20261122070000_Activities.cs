using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Forma.Data.Migrations;

/// <summary>Imports of activity files, their per-file results, activities and the device recordings behind them.</summary>
[DbContext(typeof(FormaDbContext))]
[Migration("20261122070000_Activities")]
public sealed class Activities : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "imports",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                athlete_id = table.Column<Guid>(nullable: false),
                created_by_user_id = table.Column<Guid>(nullable: true),
                status = table.Column<string>(maxLength: 20, nullable: false),
                files_total = table.Column<int>(nullable: false),
                files_done = table.Column<int>(nullable: false),
                files_failed = table.Column<int>(nullable: false),
                files_duplicate = table.Column<int>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                completed_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_imports", x => new { x.tenant_id, x.id });
                table.ForeignKey("FK_imports_athletes_tenant_id_athlete_id", x => new { x.tenant_id, x.athlete_id }, "athletes", ["tenant_id", "id"], onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_imports_tenant_id_athlete_id", "imports", ["tenant_id", "athlete_id"]);
        migrationBuilder.ProtectTenantTable("imports");

        migrationBuilder.CreateTable(
            name: "import_files",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                import_id = table.Column<Guid>(nullable: false),
                position = table.Column<int>(nullable: false),
                file_name = table.Column<string>(maxLength: 255, nullable: false),
                sha256 = table.Column<string>(maxLength: 64, nullable: false),
                size = table.Column<long>(nullable: false),
                activity_name = table.Column<string>(maxLength: 200, nullable: true),
                status = table.Column<string>(maxLength: 20, nullable: false),
                error = table.Column<string>(maxLength: 1000, nullable: true),
                activity_id = table.Column<Guid>(nullable: true),
                processed_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_import_files", x => new { x.tenant_id, x.id });
                table.ForeignKey("FK_import_files_imports_tenant_id_import_id", x => new { x.tenant_id, x.import_id }, "imports", ["tenant_id", "id"], onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_import_files_tenant_id_import_id", "import_files", ["tenant_id", "import_id"]);
        migrationBuilder.ProtectTenantTable("import_files");

        migrationBuilder.CreateTable(
            name: "activities",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                athlete_id = table.Column<Guid>(nullable: false),
                sport = table.Column<string>(maxLength: 100, nullable: false),
                sub_sport = table.Column<string>(maxLength: 100, nullable: true),
                start_time = table.Column<DateTime>(nullable: false),
                duration = table.Column<double>(nullable: false),
                distance = table.Column<double>(nullable: true),
                name = table.Column<string>(maxLength: 200, nullable: true),
                primary_recording_id = table.Column<Guid>(nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                deleted_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_activities", x => new { x.tenant_id, x.id });
                table.ForeignKey("FK_activities_athletes_tenant_id_athlete_id", x => new { x.tenant_id, x.athlete_id }, "athletes", ["tenant_id", "id"], onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_activities_tenant_id_athlete_id_start_time", "activities", ["tenant_id", "athlete_id", "start_time"]);
        migrationBuilder.ProtectTenantTable("activities");

        migrationBuilder.CreateTable(
            name: "recordings",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                athlete_id = table.Column<Guid>(nullable: false),
                activity_id = table.Column<Guid>(nullable: false),
                sha256 = table.Column<string>(maxLength: 64, nullable: false),
                file_name = table.Column<string>(maxLength: 255, nullable: false),
                format = table.Column<string>(maxLength: 10, nullable: false),
                sport = table.Column<string>(maxLength: 100, nullable: false),
                sub_sport = table.Column<string>(maxLength: 100, nullable: true),
                start_time = table.Column<DateTime>(nullable: false),
                duration = table.Column<double>(nullable: false),
                distance = table.Column<double>(nullable: true),
                device_manufacturer = table.Column<string>(maxLength: 100, nullable: true),
                device_product = table.Column<string>(maxLength: 100, nullable: true),
                device_serial = table.Column<long>(nullable: true),
                sample_count = table.Column<int>(nullable: false),
                streams_sha256 = table.Column<string>(maxLength: 64, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_recordings", x => new { x.tenant_id, x.id });
                table.ForeignKey("FK_recordings_activities_tenant_id_activity_id", x => new { x.tenant_id, x.activity_id }, "activities", ["tenant_id", "id"], onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_recordings_tenant_id_activity_id", "recordings", ["tenant_id", "activity_id"]);
        migrationBuilder.CreateIndex("IX_recordings_tenant_id_athlete_id_sha256", "recordings", ["tenant_id", "athlete_id", "sha256"], unique: true);
        migrationBuilder.ProtectTenantTable("recordings");

        migrationBuilder.GrantApplicationRole();
    }
}
