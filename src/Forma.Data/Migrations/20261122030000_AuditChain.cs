using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Forma.Data.Migrations;

/// <summary>The per-tenant hash chain over audit entries.</summary>
[DbContext(typeof(FormaDbContext))]
[Migration("20261122030000_AuditChain")]
public sealed class AuditChain : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<long>(name: "sequence", table: "audit_events", nullable: true);
        migrationBuilder.AddColumn<string>(name: "previous_hash", table: "audit_events", maxLength: 64, nullable: true);
        migrationBuilder.AddColumn<string>(name: "hash", table: "audit_events", maxLength: 64, nullable: true);
        migrationBuilder.CreateIndex("IX_audit_events_tenant_id_sequence", "audit_events", ["tenant_id", "sequence"], unique: true);
    }
}
