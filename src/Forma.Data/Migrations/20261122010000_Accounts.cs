using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Forma.Data.Migrations;

/// <summary>Sign-up trials, refresh-token sessions, access-token signing keys, and the sign-in membership lookup.</summary>
[DbContext(typeof(FormaDbContext))]
[Migration("20261122010000_Accounts")]
public sealed class Accounts : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>(name: "trial_ends_at", table: "tenants", nullable: true);

        migrationBuilder.CreateTable(
            name: "signing_keys",
            columns: table => new
            {
                id = table.Column<string>(maxLength: 40, nullable: false),
                secret = table.Column<byte[]>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_signing_keys", x => x.id));

        migrationBuilder.CreateTable(
            name: "refresh_tokens",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                user_id = table.Column<Guid>(nullable: false),
                membership_id = table.Column<Guid>(nullable: false),
                family_id = table.Column<Guid>(nullable: false),
                token_hash = table.Column<string>(maxLength: 64, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                expires_at = table.Column<DateTime>(nullable: false),
                used_at = table.Column<DateTime>(nullable: true),
                revoked_at = table.Column<DateTime>(nullable: true),
                revoked_reason = table.Column<string>(maxLength: 40, nullable: true),
                ip_address = table.Column<string>(maxLength: 64, nullable: true),
                user_agent = table.Column<string>(maxLength: 300, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_refresh_tokens", x => new { x.tenant_id, x.id });
                table.ForeignKey("FK_refresh_tokens_tenants_tenant_id", x => x.tenant_id, "tenants", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_refresh_tokens_users_user_id", x => x.user_id, "users", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_refresh_tokens_memberships_tenant_id_membership_id", x => new { x.tenant_id, x.membership_id }, "memberships", ["tenant_id", "id"], onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_refresh_tokens_tenant_id_family_id", "refresh_tokens", ["tenant_id", "family_id"]);
        migrationBuilder.CreateIndex("IX_refresh_tokens_tenant_id_membership_id", "refresh_tokens", ["tenant_id", "membership_id"]);
        migrationBuilder.CreateIndex("IX_refresh_tokens_tenant_id_token_hash", "refresh_tokens", ["tenant_id", "token_hash"], unique: true);
        migrationBuilder.CreateIndex("IX_refresh_tokens_user_id", "refresh_tokens", "user_id");
        migrationBuilder.ProtectTenantTable("refresh_tokens");

        migrationBuilder.CreateMembershipLookup();
        migrationBuilder.GrantApplicationRole();
    }
}
