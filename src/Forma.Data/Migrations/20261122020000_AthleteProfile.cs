using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Forma.Data.Migrations;

/// <summary>What a coach records about an athlete beyond the name: sex (for TRIMP), home time zone, notes.</summary>
[DbContext(typeof(FormaDbContext))]
[Migration("20261122020000_AthleteProfile")]
public sealed class AthleteProfile : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "sex", table: "athletes", maxLength: 20, nullable: true);
        migrationBuilder.AddColumn<string>(name: "time_zone", table: "athletes", maxLength: 64, nullable: true);
        migrationBuilder.AddColumn<string>(name: "notes", table: "athletes", maxLength: 4000, nullable: true);
    }
}
