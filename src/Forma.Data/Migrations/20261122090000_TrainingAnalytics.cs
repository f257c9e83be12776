using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Forma.Data.Migrations;

/// <summary>Athlete physiology history, per-activity analyses, curves and bests, the PR feed, and the stored daily load model.</summary>
[DbContext(typeof(FormaDbContext))]
[Migration("20261122090000_TrainingAnalytics")]
public sealed class TrainingAnalytics : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "physiology_entries",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                athlete_id = table.Column<Guid>(nullable: false),
                effective_from = table.Column<DateOnly>(nullable: false),
                functional_threshold_power = table.Column<double>(nullable: true),
                critical_power = table.Column<double>(nullable: true),
                w_prime = table.Column<double>(nullable: true),
                threshold_heart_rate = table.Column<double>(nullable: true),
                max_heart_rate = table.Column<double>(nullable: true),
                resting_heart_rate = table.Column<double>(nullable: true),
                threshold_speed = table.Column<double>(nullable: true),
                swim_critical_speed = table.Column<double>(nullable: true),
                weight_kg = table.Column<double>(nullable: true),
                sex = table.Column<string>(maxLength: 10, nullable: true),
                created_by_user_id = table.Column<Guid>(nullable: true),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_physiology_entries", x => new { x.tenant_id, x.id });
                table.ForeignKey("FK_physiology_entries_athletes_tenant_id_athlete_id", x => new { x.tenant_id, x.athlete_id }, "athletes", ["tenant_id", "id"], onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_physiology_entries_tenant_id_athlete_id_effective_from", "physiology_entries", ["tenant_id", "athlete_id", "effective_from"], unique: true);
        migrationBuilder.ProtectTenantTable("physiology_entries");

        migrationBuilder.CreateTable(
            name: "activity_analyses",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                activity_id = table.Column<Guid>(nullable: false),
                athlete_id = table.Column<Guid>(nullable: false),
                day = table.Column<DateOnly>(nullable: false),
                sport = table.Column<string>(maxLength: 100, nullable: false),
                load = table.Column<double>(nullable: true),
                load_method = table.Column<string>(maxLength: 20, nullable: true),
                moving_time = table.Column<double>(nullable: false),
                distance = table.Column<double>(nullable: true),
                normalized_power = table.Column<double>(nullable: true),
                average_heart_rate = table.Column<double>(nullable: true),
                details = table.Column<string>(nullable: false),
                analyzed_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_activity_analyses", x => new { x.tenant_id, x.activity_id });
                table.ForeignKey("FK_activity_analyses_activities_tenant_id_activity_id", x => new { x.tenant_id, x.activity_id }, "activities", ["tenant_id", "id"], onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_activity_analyses_tenant_id_athlete_id_day", "activity_analyses", ["tenant_id", "athlete_id", "day"]);
        migrationBuilder.ProtectTenantTable("activity_analyses");

        migrationBuilder.CreateTable(
            name: "activity_curves",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                activity_id = table.Column<Guid>(nullable: false),
                stream = table.Column<string>(maxLength: 20, nullable: false),
                athlete_id = table.Column<Guid>(nullable: false),
                day = table.Column<DateOnly>(nullable: false),
                seconds = table.Column<int>(nullable: false),
                data = table.Column<byte[]>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_activity_curves", x => new { x.tenant_id, x.activity_id, x.stream });
                table.ForeignKey("FK_activity_curves_activities_tenant_id_activity_id", x => new { x.tenant_id, x.activity_id }, "activities", ["tenant_id", "id"], onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_activity_curves_tenant_id_athlete_id_stream_day", "activity_curves", ["tenant_id", "athlete_id", "stream", "day"]);
        migrationBuilder.ProtectTenantTable("activity_curves");

        migrationBuilder.CreateTable(
            name: "activity_bests",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                activity_id = table.Column<Guid>(nullable: false),
                key = table.Column<string>(maxLength: 30, nullable: false),
                athlete_id = table.Column<Guid>(nullable: false),
                value = table.Column<double>(nullable: false),
                achieved_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_activity_bests", x => new { x.tenant_id, x.activity_id, x.key });
                table.ForeignKey("FK_activity_bests_activities_tenant_id_activity_id", x => new { x.tenant_id, x.activity_id }, "activities", ["tenant_id", "id"], onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_activity_bests_tenant_id_athlete_id_key_achieved_at", "activity_bests", ["tenant_id", "athlete_id", "key", "achieved_at"]);
        migrationBuilder.ProtectTenantTable("activity_bests");

        migrationBuilder.CreateTable(
            name: "personal_records",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                athlete_id = table.Column<Guid>(nullable: false),
                activity_id = table.Column<Guid>(nullable: false),
                key = table.Column<string>(maxLength: 30, nullable: false),
                value = table.Column<double>(nullable: false),
                previous_value = table.Column<double>(nullable: true),
                achieved_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_personal_records", x => new { x.tenant_id, x.id });
                table.ForeignKey("FK_personal_records_activities_tenant_id_activity_id", x => new { x.tenant_id, x.activity_id }, "activities", ["tenant_id", "id"], onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_personal_records_tenant_id_activity_id", "personal_records", ["tenant_id", "activity_id"]);
        migrationBuilder.CreateIndex("IX_personal_records_tenant_id_athlete_id_achieved_at", "personal_records", ["tenant_id", "athlete_id", "achieved_at"]);
        migrationBuilder.ProtectTenantTable("personal_records");

        migrationBuilder.CreateTable(
            name: "daily_loads",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                athlete_id = table.Column<Guid>(nullable: false),
                day = table.Column<DateOnly>(nullable: false),
                load = table.Column<double>(nullable: false),
                ctl = table.Column<double>(nullable: false),
                atl = table.Column<double>(nullable: false),
                tsb = table.Column<double>(nullable: false),
                ramp_rate = table.Column<double>(nullable: false),
                monotony = table.Column<double>(nullable: true),
                strain = table.Column<double>(nullable: true),
                acute_chronic_ratio = table.Column<double>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_daily_loads", x => new { x.tenant_id, x.athlete_id, x.day });
                table.ForeignKey("FK_daily_loads_athletes_tenant_id_athlete_id", x => new { x.tenant_id, x.athlete_id }, "athletes", ["tenant_id", "id"], onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.ProtectTenantTable("daily_loads");

        migrationBuilder.CreateTable(
            name: "analytics_states",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                athlete_id = table.Column<Guid>(nullable: false),
                stale_from = table.Column<DateOnly>(nullable: true),
                refresh_queued = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_analytics_states", x => new { x.tenant_id, x.athlete_id });
                table.ForeignKey("FK_analytics_states_athletes_tenant_id_athlete_id", x => new { x.tenant_id, x.athlete_id }, "athletes", ["tenant_id", "id"], onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.ProtectTenantTable("analytics_states");

        migrationBuilder.GrantApplicationRole();
    }
}
