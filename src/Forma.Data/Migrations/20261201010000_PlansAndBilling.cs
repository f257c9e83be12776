using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Forma.Data.Migrations;

/// <summary>
/// Plans, quotas and billing: usage counters (one row per business, limit and period) and metered events, the payment
/// provider's subscriptions and webhook events, the tenant's billing state, and archived athletes (kept, read-only,
/// not counted against the plan).
/// </summary>
[DbContext(typeof(FormaDbContext))]
[Migration("20261201010000_PlansAndBilling")]
public sealed class PlansAndBillingMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>("subscription_plan", "tenants", maxLength: 40, nullable: true);
        migrationBuilder.AddColumn<DateTime>("payment_grace_ends_at", "tenants", nullable: true);
        migrationBuilder.AddColumn<string>("billing_customer_id", "tenants", maxLength: 255, nullable: true);
        migrationBuilder.CreateIndex("IX_tenants_billing_customer_id", "tenants", "billing_customer_id", unique: true);
        migrationBuilder.AddColumn<DateTime>("archived_at", "athletes", nullable: true);

        migrationBuilder.CreateTable(
            name: "usage_counters",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                metric = table.Column<string>(maxLength: 20, nullable: false),
                period_start = table.Column<DateOnly>(nullable: false),
                used = table.Column<long>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_usage_counters", x => new { x.tenant_id, x.metric, x.period_start }));

        migrationBuilder.CreateTable(
            name: "usage_events",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                id = table.Column<Guid>(nullable: false),
                metric = table.Column<string>(maxLength: 20, nullable: false),
                quantity = table.Column<long>(nullable: false),
                tokens = table.Column<long>(nullable: true),
                cost_micros = table.Column<long>(nullable: true),
                currency = table.Column<string>(maxLength: 3, nullable: true),
                detail = table.Column<string>(maxLength: 500, nullable: true),
                recorded_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_usage_events", x => new { x.tenant_id, x.id }));
        migrationBuilder.CreateIndex("IX_usage_events_tenant_id_recorded_at", "usage_events", ["tenant_id", "recorded_at"]);

        migrationBuilder.CreateTable(
            name: "subscriptions",
            columns: table => new
            {
                tenant_id = table.Column<Guid>(nullable: false),
                provider_id = table.Column<string>(maxLength: 255, nullable: false),
                customer_id = table.Column<string>(maxLength: 255, nullable: false),
                status = table.Column<string>(maxLength: 40, nullable: false),
                price_id = table.Column<string>(maxLength: 255, nullable: true),
                plan = table.Column<string>(maxLength: 40, nullable: true),
                current_period_end = table.Column<DateTime>(nullable: true),
                cancel_at_period_end = table.Column<bool>(nullable: false),
                payment_failed_at = table.Column<DateTime>(nullable: true),
                provider_updated_at = table.Column<DateTime>(nullable: false),
                updated_at = table.Column<DateTime>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_subscriptions", x => new { x.tenant_id, x.provider_id }));

        // Platform-level, like tenants: an event is stored before (and even if) it is matched to a business.
        migrationBuilder.CreateTable(
            name: "billing_events",
            columns: table => new
            {
                id = table.Column<string>(maxLength: 255, nullable: false),
                type = table.Column<string>(maxLength: 100, nullable: false),
                tenant_id = table.Column<Guid>(nullable: true),
                provider_created_at = table.Column<DateTime>(nullable: false),
                received_at = table.Column<DateTime>(nullable: false),
                outcome = table.Column<string>(maxLength: 200, nullable: false),
                payload = table.Column<string>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_billing_events", x => x.id));
        migrationBuilder.CreateIndex("IX_billing_events_received_at", "billing_events", "received_at");

        foreach (var table in new[] { "usage_counters", "usage_events", "subscriptions" })
        {
            migrationBuilder.ProtectTenantTable(table);
        }

        migrationBuilder.GrantApplicationRole();
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        foreach (var table in new[] { "billing_events", "subscriptions", "usage_events", "usage_counters" })
        {
            migrationBuilder.DropTable(table);
        }

        migrationBuilder.DropColumn("archived_at", "athletes");
        migrationBuilder.DropIndex("IX_tenants_billing_customer_id", "tenants");
        migrationBuilder.DropColumn("billing_customer_id", "tenants");
        migrationBuilder.DropColumn("payment_grace_ends_at", "tenants");
        migrationBuilder.DropColumn("subscription_plan", "tenants");
    }
}
