using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Forma.Data.Migrations;

/// <summary>The secret tokens of clients' calendar feeds (athletes, and guardians booking for dependents).</summary>
[DbContext(typeof(FormaDbContext))]
[Migration("20261201000000_ClientCalendarFeeds")]
public sealed class ClientCalendarFeedsMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "client_calendar_feeds",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                client_athlete_id = table.Column<Guid>(nullable: true),
                client_membership_id = table.Column<Guid>(nullable: true),
                token = table.Column<string>(maxLength: 64, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                rotated_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_client_calendar_feeds", x => new { x.tenant_id, x.id });
                table.ForeignKey("FK_client_calendar_feeds_athletes_tenant_id_client_athlete_id", x => new { x.tenant_id, x.client_athlete_id }, "athletes", ["tenant_id", "id"], onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_client_calendar_feeds_memberships_tenant_id_client_membership_id", x => new { x.tenant_id, x.client_membership_id }, "memberships", ["tenant_id", "id"], onDelete: ReferentialAction.Cascade);
                table.CheckConstraint("CK_client_calendar_feeds_one_client", "(client_athlete_id IS NULL) <> (client_membership_id IS NULL)");
            });
        migrationBuilder.CreateIndex("IX_client_calendar_feeds_tenant_id_client_athlete_id", "client_calendar_feeds", ["tenant_id", "client_athlete_id"], unique: true);
        migrationBuilder.CreateIndex("IX_client_calendar_feeds_tenant_id_client_membership_id", "client_calendar_feeds", ["tenant_id", "client_membership_id"], unique: true);
        migrationBuilder.CreateIndex("IX_client_calendar_feeds_token", "client_calendar_feeds", "token", unique: true);
        migrationBuilder.ProtectTenantTable("client_calendar_feeds");
        migrationBuilder.GrantApplicationRole();
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("client_calendar_feeds");
}
