using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Forma.Data.Migrations;

/// <summary>A person's display preferences (units, time zone), so the pages read the same on every device.</summary>
[DbContext(typeof(FormaDbContext))]
[Migration("20261201020000_UserPreferences")]
public sealed class UserPreferencesMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "units", table: "users", maxLength: 10, nullable: true);
        migrationBuilder.AddColumn<string>(name: "time_zone", table: "users", maxLength: 64, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "time_zone", table: "users");
        migrationBuilder.DropColumn(name: "units", table: "users");
    }
}
