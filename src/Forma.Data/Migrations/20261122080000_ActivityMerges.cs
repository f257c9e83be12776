using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Forma.Data.Migrations;

/// <summary>Deduplication merges (undoable), the merged-into marker on activities, and the sensors behind a recording's heart rate and power.</summary>
[DbContext(typeof(FormaDbContext))]
[Migration("20261122080000_ActivityMerges")]
public sealed class ActivityMerges : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<Guid>(name: "merged_into_id", table: "activities", nullable: true);
        migrationBuilder.AddColumn<string>(name: "heart_rate_sensor", table: "recordings", maxLength: 20, nullable: true);
        migrationBuilder.AddColumn<string>(name: "power_sensor", table: "recordings", maxLength: 20, nullable: true);

        migrationBuilder.CreateTable(
            name: "activity_merges",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                athlete_id = table.Column<Guid>(nullable: false),
                target_activity_id = table.Column<Guid>(nullable: false),
                absorbed_activity_id = table.Column<Guid>(nullable: false),
                recording_ids = table.Column<string>(maxLength: 4000, nullable: false),
                created_by_user_id = table.Column<Guid>(nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
                undone_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_activity_merges", x => new { x.tenant_id, x.id });
                table.ForeignKey("FK_activity_merges_athletes_tenant_id_athlete_id", x => new { x.tenant_id, x.athlete_id }, "athletes", ["tenant_id", "id"], onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_activity_merges_activities_tenant_id_target_activity_id", x => new { x.tenant_id, x.target_activity_id }, "activities", ["tenant_id", "id"], onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_activity_merges_activities_tenant_id_absorbed_activity_id", x => new { x.tenant_id, x.absorbed_activity_id }, "activities", ["tenant_id", "id"], onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_activity_merges_tenant_id_athlete_id_created_at", "activity_merges", ["tenant_id", "athlete_id", "created_at"]);
        migrationBuilder.CreateIndex("IX_activity_merges_tenant_id_target_activity_id", "activity_merges", ["tenant_id", "target_activity_id"]);
        migrationBuilder.CreateIndex("IX_activity_merges_tenant_id_absorbed_activity_id", "activity_merges", ["tenant_id", "absorbed_activity_id"]);
        migrationBuilder.ProtectTenantTable("activity_merges");

        migrationBuilder.GrantApplicationRole();
    }
}
