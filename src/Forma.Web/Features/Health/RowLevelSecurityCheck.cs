using Forma.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Forma.Web.Features.Health;

/// <summary>
/// On PostgreSQL, row-level security only binds a role that neither owns the tables nor is a superuser
/// (or has BYPASSRLS). An instance configured with the owner's connection string works, silently without
/// the database's half of tenant isolation; this check makes that visible as Degraded on /health/ready.
/// </summary>
internal sealed class RowLevelSecurityCheck(FormaDbContext db, IOptions<DatabaseOptions> options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (options.Value.Provider != DatabaseProvider.Postgres)
        {
            return HealthCheckResult.Healthy("SQLite: isolation is enforced by the application alone.");
        }

        bool bypasses;
        try
        {
            bypasses = await db.Database.SqlQueryRaw<bool>("""
                SELECT (r.rolsuper OR r.rolbypassrls OR EXISTS (SELECT 1 FROM pg_tables t WHERE t.schemaname = 'public' AND t.tableowner = current_user)) AS "Value"
                  FROM pg_roles r WHERE r.rolname = current_user
                """).SingleAsync(cancellationToken);
        }
        catch (Exception exception)
        {
            // The public report carries only this fixed text; the exception goes to the log.
            return HealthCheckResult.Unhealthy("The row-level security check failed.", exception);
        }

        return bypasses
            ? HealthCheckResult.Degraded("The application's database role bypasses row-level security (superuser, BYPASSRLS or table owner); connect as forma_app.")
            : HealthCheckResult.Healthy("The application's role is bound by row-level security.");
    }
}
