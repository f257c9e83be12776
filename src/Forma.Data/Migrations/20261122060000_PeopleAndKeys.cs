using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Forma.Data.Migrations;

/// <summary>
/// Email verification and password-reset tokens, invitations, guardians of athletes, API keys, a
/// tenant's second-factor rule for staff, and closing a tenant.
/// </summary>
[DbContext(typeof(FormaDbContext))]
[Migration("20261122060000_PeopleAndKeys")]
public sealed class PeopleAndKeys : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>(name: "email_verified_at", table: "users", nullable: true);
        migrationBuilder.AddColumn<bool>(name: "require_staff_mfa", table: "tenants", nullable: false, defaultValue: false);
        migrationBuilder.AddColumn<DateTime>(name: "closed_at", table: "tenants", nullable: true);

        migrationBuilder.CreateTable(
            name: "user_tokens",
            columns: table => new
            {
                id = table.Column<Guid>(nullable: false),
                user_id = table.Column<Guid>(nullable: false),
                purpose = table.Column<string>(maxLength: 20, nullable: false),
                token_hash = table.Column<string>(maxLength: 64, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                expires_at = table.Column<DateTime>(nullable: false),
                used_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_user_tokens", x => x.id);
                table.ForeignKey("FK_user_tokens_users_user_id", x => x.user_id, "users", "id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_user_tokens_token_hash", "user_tokens", "token_hash", unique: true);
        migrationBuilder.CreateIndex("IX_user_tokens_user_id", "user_tokens", "user_id");

        migrationBuilder.CreateTable(
            name: "invitations",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                email = table.Column<string>(maxLength: 254, nullable: false),
                role = table.Column<string>(maxLength: 20, nullable: false),
                athlete_id = table.Column<Guid>(nullable: true),
                invited_by_user_id = table.Column<Guid>(nullable: false),
                invited_by_membership_id = table.Column<Guid>(nullable: false),
                token_hash = table.Column<string>(maxLength: 64, nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                expires_at = table.Column<DateTime>(nullable: false),
                accepted_at = table.Column<DateTime>(nullable: true),
                accepted_by_user_id = table.Column<Guid>(nullable: true),
                revoked_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_invitations", x => new { x.tenant_id, x.id });
                table.ForeignKey("FK_invitations_tenants_tenant_id", x => x.tenant_id, "tenants", "id", onDelete: ReferentialAction.Restrict);
                table.ForeignKey("FK_invitations_athletes_tenant_id_athlete_id", x => new { x.tenant_id, x.athlete_id }, "athletes", ["tenant_id", "id"], onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_invitations_memberships_tenant_id_invited_by_membership_id", x => new { x.tenant_id, x.invited_by_membership_id }, "memberships", ["tenant_id", "id"], onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_invitations_tenant_id_athlete_id", "invitations", ["tenant_id", "athlete_id"]);
        migrationBuilder.CreateIndex("IX_invitations_tenant_id_email", "invitations", ["tenant_id", "email"]);
        migrationBuilder.CreateIndex("IX_invitations_tenant_id_invited_by_membership_id", "invitations", ["tenant_id", "invited_by_membership_id"]);
        migrationBuilder.CreateIndex("IX_invitations_tenant_id_token_hash", "invitations", ["tenant_id", "token_hash"], unique: true);
        migrationBuilder.ProtectTenantTable("invitations");

        migrationBuilder.CreateTable(
            name: "guardianships",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                athlete_id = table.Column<Guid>(nullable: false),
                guardian_membership_id = table.Column<Guid>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_guardianships", x => new { x.tenant_id, x.id });
                table.ForeignKey("FK_guardianships_athletes_tenant_id_athlete_id", x => new { x.tenant_id, x.athlete_id }, "athletes", ["tenant_id", "id"], onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_guardianships_memberships_tenant_id_guardian_membership_id", x => new { x.tenant_id, x.guardian_membership_id }, "memberships", ["tenant_id", "id"], onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_guardianships_tenant_id_athlete_id_guardian_membership_id", "guardianships", ["tenant_id", "athlete_id", "guardian_membership_id"], unique: true);
        migrationBuilder.CreateIndex("IX_guardianships_tenant_id_guardian_membership_id", "guardianships", ["tenant_id", "guardian_membership_id"]);
        migrationBuilder.ProtectTenantTable("guardianships");

        migrationBuilder.CreateTable(
            name: "api_keys",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                name = table.Column<string>(maxLength: 100, nullable: false),
                hint = table.Column<string>(maxLength: 12, nullable: false),
                secret_hash = table.Column<string>(maxLength: 64, nullable: false),
                scopes = table.Column<string>(maxLength: 500, nullable: false),
                created_by_user_id = table.Column<Guid>(nullable: false),
                created_at = table.Column<DateTime>(nullable: false),
                expires_at = table.Column<DateTime>(nullable: true),
                last_used_at = table.Column<DateTime>(nullable: true),
                revoked_at = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_api_keys", x => new { x.tenant_id, x.id });
                table.ForeignKey("FK_api_keys_tenants_tenant_id", x => x.tenant_id, "tenants", "id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_api_keys_tenant_id_secret_hash", "api_keys", ["tenant_id", "secret_hash"], unique: true);
        migrationBuilder.ProtectTenantTable("api_keys");

        migrationBuilder.GrantApplicationRole();
    }
}
