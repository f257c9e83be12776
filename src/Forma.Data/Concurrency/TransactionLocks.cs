using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Forma.Data.Concurrency;

/// <summary>
/// Locks that last until the current transaction ends, so that code which reads, decides and writes ("is the last
/// session still free?") cannot interleave with another transaction doing the same. The one place that knows how
/// each provider does it:
/// <list type="bullet">
/// <item>PostgreSQL (read committed) lets writers run side by side, so rows are locked with
/// <c>SELECT … FOR NO KEY UPDATE</c> — it excludes every other locker of the row but, unlike <c>FOR UPDATE</c>, not the
/// foreign-key checks of unrelated inserts that reference it — and names with <c>pg_advisory_xact_lock</c>. Both are
/// released by commit or rollback; a waiter then re-reads what the first one wrote.</item>
/// <item>SQLite has one writer per database file: Microsoft.Data.Sqlite starts every transaction with
/// <c>BEGIN IMMEDIATE</c>, which takes the file's write lock at once, so a second transaction waits at its start
/// (up to the busy timeout) until the first ends. Holding the transaction already is the lock; nothing is sent.</item>
/// </list>
/// Either way the lock means nothing outside a transaction, so asking for one there is a programming error.
/// </summary>
public static class TransactionLocks
{
    /// <summary>Holds one row of <typeparamref name="TEntity"/> (by its id) until the transaction ends.</summary>
    public static Task RowAsync<TEntity>(FormaDbContext db, Guid id, CancellationToken cancellationToken) where TEntity : class =>
        RowsAsync<TEntity>(db, [id], cancellationToken);

    /// <summary>
    /// Holds the rows of <paramref name="rows"/> until the transaction ends, taken in id order so two transactions
    /// locking overlapping sets wait for each other instead of deadlocking. The set is what the query finds when it
    /// runs: a row added to it afterwards is not locked.
    /// </summary>
    public static async Task RowsAsync<TEntity>(FormaDbContext db, IQueryable<TEntity> rows, CancellationToken cancellationToken) where TEntity : class
    {
        RequireTransaction(db);
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        var ids = await rows.Select(row => EF.Property<Guid>(row, IdProperty)).ToListAsync(cancellationToken);
        await LockRowsAsync<TEntity>(db, ids, cancellationToken);
    }

    /// <summary>Holds the rows with these ids until the transaction ends, in id order (see the overload above).</summary>
    public static Task RowsAsync<TEntity>(FormaDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) where TEntity : class
    {
        RequireTransaction(db);
        return db.Database.IsNpgsql() ? LockRowsAsync<TEntity>(db, ids, cancellationToken) : Task.CompletedTask;
    }

    /// <summary>
    /// Holds a lock no row carries — "the business's athlete count", "the business's audit chain" — until the
    /// transaction ends. Every transaction that takes the same <paramref name="purpose"/> for the same tenant waits for
    /// the one before; other tenants and purposes do not (on PostgreSQL; SQLite serialises all writers anyway).
    /// </summary>
    public static Task TenantAsync(FormaDbContext db, Guid tenantId, string purpose, CancellationToken cancellationToken)
    {
        RequireTransaction(db);
        if (!db.Database.IsNpgsql())
        {
            return Task.CompletedTask;
        }

        // A 64-bit hash of the name: collisions between two names only make them wait for each other, never admit both.
        var key = $"{tenantId:N}:{purpose}";
        return db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({key}, 0))", cancellationToken);
    }

    private const string IdProperty = "Id";

    private static async Task LockRowsAsync<TEntity>(FormaDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) where TEntity : class
    {
        if (ids.Count == 0)
        {
            return;
        }

        var (table, idColumn) = TableOf<TEntity>(db);
        // Identifiers come from the EF model, never from a caller; the ids travel as a parameter.
        var sql = FormattableStringFactory.Create($"SELECT 1 FROM \"{table}\" WHERE \"{idColumn}\" = ANY({{0}}) ORDER BY \"{idColumn}\" FOR NO KEY UPDATE", ids.Distinct().ToArray());
        await db.Database.ExecuteSqlAsync(sql, cancellationToken);
    }

    private static (string Table, string IdColumn) TableOf<TEntity>(FormaDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not part of the model.");
        var table = entity.GetTableName() ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not mapped to a table.");
        var id = entity.FindProperty(IdProperty) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} has no {IdProperty}.");
        var column = id.GetColumnName(StoreObjectIdentifier.Table(table, entity.GetSchema()))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name}.{IdProperty} has no column.");
        return (table, column);
    }

    private static void RequireTransaction(FormaDbContext db)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("A transaction lock is taken inside a transaction; it ends with it.");
        }
    }
}
