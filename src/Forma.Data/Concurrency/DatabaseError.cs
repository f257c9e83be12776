using Microsoft.Data.Sqlite;
using Npgsql;

namespace Forma.Data.Concurrency;

/// <summary>
/// Reads a provider's exception as a provider-neutral <see cref="DatabaseErrorKind"/>, so the code above the data
/// layer can say "a concurrent insert won" or "start over" without knowing PostgreSQL's SQLSTATEs or SQLite's
/// result codes. Looks through wrappers (EF Core's <c>DbUpdateException</c>, Npgsql's retries) to the first
/// provider exception.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="Constraint">The constraint that refused the row, when the provider names it (PostgreSQL does, SQLite does not).</param>
public sealed record DatabaseError(DatabaseErrorKind Kind, string? Constraint)
{
    private static readonly DatabaseError Unknown = new(DatabaseErrorKind.Other, null);

    // SQLite's extended result codes (https://sqlite.org/rescode.html): SQLITE_CONSTRAINT (19) covers foreign keys,
    // NOT NULL and CHECK as well, so only these two mean "the row already exists".
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;
    // SQLITE_BUSY_SNAPSHOT: in WAL mode a read transaction tried to write after another writer committed — the
    // same remedy as PostgreSQL's serialization failure.
    private const int SqliteBusySnapshot = 517;

    public static DatabaseError Of(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return new DatabaseError(KindOf(postgres.SqlState), postgres.ConstraintName);
                case SqliteException sqlite:
                    return new DatabaseError(KindOf(sqlite.SqliteExtendedErrorCode), null);
            }
        }

        return Unknown;
    }

    public static bool IsUniqueViolation(Exception exception) => Of(exception).Kind == DatabaseErrorKind.UniqueViolation;

    /// <summary>The transaction lost a race the database detected (deadlock, serialization failure): running it again is the remedy.</summary>
    public static bool IsRetryable(Exception exception) => Of(exception).Kind is DatabaseErrorKind.SerializationFailure or DatabaseErrorKind.Deadlock;

    /// <summary>The named constraint refused the row (a unique index or an exclusion constraint).</summary>
    public static bool Violates(Exception exception, string constraint) =>
        Of(exception) is { Kind: DatabaseErrorKind.UniqueViolation or DatabaseErrorKind.ExclusionViolation } error && error.Constraint == constraint;

    private static DatabaseErrorKind KindOf(string sqlState) => sqlState switch
    {
        PostgresErrorCodes.UniqueViolation => DatabaseErrorKind.UniqueViolation,
        PostgresErrorCodes.ExclusionViolation => DatabaseErrorKind.ExclusionViolation,
        PostgresErrorCodes.SerializationFailure => DatabaseErrorKind.SerializationFailure,
        PostgresErrorCodes.DeadlockDetected => DatabaseErrorKind.Deadlock,
        _ => DatabaseErrorKind.Other,
    };

    private static DatabaseErrorKind KindOf(int sqliteExtendedCode) => sqliteExtendedCode switch
    {
        SqliteConstraintPrimaryKey or SqliteConstraintUnique => DatabaseErrorKind.UniqueViolation,
        SqliteBusySnapshot => DatabaseErrorKind.SerializationFailure,
        _ => DatabaseErrorKind.Other,
    };
}
