using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Forma.Data.Migrations;

/// <summary>An athlete's own zone boundaries per kind, replacing the model zones.</summary>
[DbContext(typeof(FormaDbContext))]
[Migration("20261122100000_CustomZones")]
public sealed class CustomZonesMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "custom_zones",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                athlete_id = table.Column<Guid>(nullable: false),
                kind = table.Column<string>(maxLength: 20, nullable: false),
                boundaries = table.Column<string>(maxLength: 2000, nullable: false),
                names = table.Column<string>(maxLength: 2000, nullable: true),
                updated_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_custom_zones", x => new { x.tenant_id, x.athlete_id, x.kind });
                table.ForeignKey("FK_custom_zones_athletes_tenant_id_athlete_id", x => new { x.tenant_id, x.athlete_id }, "athletes", ["tenant_id", "id"], onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.ProtectTenantTable("custom_zones");

        migrationBuilder.GrantApplicationRole();
    }
}
