namespace Forma.Data.Concurrency;

/// <summary>What a failed statement means to the code that issued it, whichever database refused it.</summary>
public enum DatabaseErrorKind
{
    /// <summary>Anything the callers have no remedy for: let it surface.</summary>
    Other,

    /// <summary>A unique index or primary key refused a second row: someone else inserted it first.</summary>
    UniqueViolation,

    /// <summary>An exclusion constraint refused an overlapping row (PostgreSQL only; SQLite has none).</summary>
    ExclusionViolation,

    /// <summary>The transaction read data another one changed since; run it again from the start.</summary>
    SerializationFailure,

    /// <summary>The database aborted this transaction to break a lock cycle; run it again from the start.</summary>
    Deadlock,
}
