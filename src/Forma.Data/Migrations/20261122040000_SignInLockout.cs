using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Forma.Data.Migrations;

/// <summary>Counting wrong passwords per account, and the lock that follows a burst of them.</summary>
[DbContext(typeof(FormaDbContext))]
[Migration("20261122040000_SignInLockout")]
public sealed class SignInLockout : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<int>(name: "failed_sign_ins", table: "users", nullable: false, defaultValue: 0);
        migrationBuilder.AddColumn<DateTime>(name: "locked_until", table: "users", nullable: true);
    }
}
