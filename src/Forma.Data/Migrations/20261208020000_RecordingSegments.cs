using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Forma.Data.Migrations;

/// <summary>
/// A recording's sessions and laps as stored rows, so reading an activity no longer decodes its original file.
/// Recordings imported before have <c>segments_stored</c> false and are filled on their first read.
/// </summary>
[DbContext(typeof(FormaDbContext))]
[Migration("20261208020000_RecordingSegments")]
public sealed class RecordingSegmentsMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<bool>(name: "segments_stored", table: "recordings", nullable: false, defaultValue: false);
        migrationBuilder.CreateTable(
            name: "recording_segments",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                recording_id = table.Column<Guid>(nullable: false),
                kind = table.Column<string>(maxLength: 20, nullable: false),
                position = table.Column<int>(nullable: false),
                start_time = table.Column<DateTime>(nullable: true),
                elapsed_time = table.Column<double>(nullable: true),
                timer_time = table.Column<double>(nullable: true),
                distance = table.Column<double>(nullable: true),
                sport = table.Column<string>(maxLength: 100, nullable: true),
                sub_sport = table.Column<string>(maxLength: 100, nullable: true),
                average_speed = table.Column<double>(nullable: true),
                max_speed = table.Column<double>(nullable: true),
                average_heart_rate = table.Column<double>(nullable: true),
                max_heart_rate = table.Column<double>(nullable: true),
                average_cadence = table.Column<double>(nullable: true),
                average_power = table.Column<double>(nullable: true),
                max_power = table.Column<double>(nullable: true),
                total_ascent = table.Column<double>(nullable: true),
                total_descent = table.Column<double>(nullable: true),
                calories = table.Column<double>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_recording_segments", x => new { x.tenant_id, x.recording_id, x.kind, x.position });
                table.ForeignKey("FK_recording_segments_recordings_tenant_id_recording_id", x => new { x.tenant_id, x.recording_id }, "recordings", ["tenant_id", "id"], onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.ProtectTenantTable("recording_segments");
        migrationBuilder.GrantApplicationRole();
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "recording_segments");
        migrationBuilder.DropColumn(name: "segments_stored", table: "recordings");
    }
}
