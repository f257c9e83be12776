using System.Data.Common;
using Forma.Data.Migrations;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Forma.Data.Tenancy;

/// <summary>
/// Makes PostgreSQL's row-level security see the scope's tenant, per transaction. Inside a transaction
/// the setting was made by <see cref="PostgresTenantTransactionInterceptor"/> when it began. A command run
/// outside one is prefixed with <c>CALL forma_enter_tenant(…)</c>, which sets it like <c>SET LOCAL</c>: Npgsql sends a command's statements
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
    public const string SettingName = DatabaseSecurity.TenantSetting;

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

    /// <summary>
    /// The prefix for a command outside a transaction: a procedure call (<c>CALL</c> returns no result set, which the
    /// command's reader would otherwise read first) that sets the tenant for the implicit transaction.
    /// </summary>
    public const string EnterTenantStatement = $"CALL {DatabaseSecurity.EnterTenantProcedure}(@{TenantParameter});";

    /// <summary>
    /// The statement a transaction starts with (<c>set_config(…, true)</c> is <c>SET LOCAL</c>). Both take the id
    /// as a parameter, so one prepared statement serves every tenant.
    /// </summary>
    public const string SetConfigStatement = $"SELECT set_config('{SettingName}', @{TenantParameter}::text, true)";

    public const string TenantParameter = "forma_tenant_id";

    /// <summary>Adds the tenant id as the parameter both statements read.</summary>
    public static void AddTenantParameter(DbCommand command, Guid tenantId)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = TenantParameter;
        parameter.Value = tenantId;
        command.Parameters.Add(parameter);
    }

    private static void Prefix(DbCommand command, CommandEventData eventData)
    {
        if (command.Transaction is null && eventData.Context is FormaDbContext { CurrentTenantId: { } tenantId })
        {
            command.CommandText = EnterTenantStatement + "\n" + command.CommandText;
            AddTenantParameter(command, tenantId);
        }
    }
}
