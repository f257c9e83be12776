using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Forma.Data.Tenancy;

/// <summary>Sets <c>app.tenant_id</c> for the life of each transaction the context begins or joins (see <see cref="PostgresTenantSettingInterceptor"/>).</summary>
internal sealed class PostgresTenantTransactionInterceptor : DbTransactionInterceptor
{
    public override DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        Set(connection, result, eventData.Context);
        return result;
    }

    public override async ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        await SetAsync(connection, result, eventData.Context, cancellationToken);
        return result;
    }

    public override DbTransaction TransactionUsed(DbConnection connection, TransactionEventData eventData, DbTransaction result)
    {
        Set(connection, result, eventData.Context);
        return result;
    }

    public override async ValueTask<DbTransaction> TransactionUsedAsync(DbConnection connection, TransactionEventData eventData, DbTransaction result, CancellationToken cancellationToken = default)
    {
        await SetAsync(connection, result, eventData.Context, cancellationToken);
        return result;
    }

    private static void Set(DbConnection connection, DbTransaction transaction, object? context)
    {
        using var command = CreateCommand(connection, transaction, context);
        command?.ExecuteNonQuery();
    }

    private static async Task SetAsync(DbConnection connection, DbTransaction transaction, object? context, CancellationToken cancellationToken)
    {
        await using var command = CreateCommand(connection, transaction, context);
        if (command is not null)
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static DbCommand? CreateCommand(DbConnection connection, DbTransaction transaction, object? context)
    {
        if (context is not FormaDbContext { CurrentTenantId: { } tenantId })
        {
            return null;
        }

        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = PostgresTenantSettingInterceptor.SetConfigStatement;
        PostgresTenantSettingInterceptor.AddTenantParameter(command, tenantId);
        return command;
    }
}
