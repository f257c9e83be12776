using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Forma.Data.Tenancy;

/// <summary>
/// Makes PostgreSQL's row-level security see the scope's tenant, per transaction. Inside a transaction
/// the setting was made by <see cref="PostgresTenantTransactionInterceptor"/> when it began. A command run
/// outside one is prefixed with <c>SET LOCAL app.tenant_id = '…'</c>: Npgsql sends a command's statements
/// before a single Sync, so PostgreSQL runs them as one implicit transaction and the setting lives exactly
/// as long as that command. Nothing stays on the connection, which keeps a pooled connection — or a
/// pgbouncer server connection in transaction mode — from carrying one tenant's setting into another's
/// query. With no tenant in scope nothing is set and the policies match no row.
/// </summary>
/// <remarks>
/// SaveChanges never takes the prefix path: <see cref="FormaDbContext"/> always wraps it in a transaction,
/// because an extra statement in a modification batch would shift the per-statement row counts EF Core reads.
/// </remarks>
internal sealed class PostgresTenantSettingInterceptor : DbCommandInterceptor
{
    public const string SettingName = "app.tenant_id";

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Prefix(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Prefix(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Prefix(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Prefix(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Prefix(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Prefix(command, eventData);
        return ValueTask.FromResult(result);
    }

    /// <summary>The statement that sets the tenant; a Guid's "D" format holds only hex digits and hyphens, so it is safe to inline.</summary>
    public static string SetTenantStatement(Guid tenantId) => $"SET LOCAL {SettingName} = '{tenantId:D}';";

    private static void Prefix(DbCommand command, CommandEventData eventData)
    {
        if (command.Transaction is null && eventData.Context is FormaDbContext { CurrentTenantId: { } tenantId })
        {
            command.CommandText = SetTenantStatement(tenantId) + "\n" + command.CommandText;
        }
    }
}
