using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Forma.Data.Migrations;

/// <summary>TOTP second factor per person, and their single-use recovery codes.</summary>
[DbContext(typeof(FormaDbContext))]
[Migration("20261122050000_TwoFactor")]
public sealed class TwoFactor : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "protected_totp_secret", table: "users", maxLength: 1000, nullable: true);
        migrationBuilder.AddColumn<DateTime>(name: "totp_enabled_at", table: "users", nullable: true);
        migrationBuilder.AddColumn<long>(name: "totp_last_step", table: "users", nullable: true);

        migrationBuilder.CreateTable(
            name: "recovery_codes",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                user_id = table.Column<Guid>(nullable: false),
                code_hash = table.Column<string>(maxLength: 64, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                used_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_recovery_codes", x => x.id);
                table.ForeignKey("FK_recovery_codes_users_user_id", x => x.user_id, "users", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_recovery_codes_user_id", "recovery_codes", "user_id");
        migrationBuilder.GrantApplicationRole();
    }
}
