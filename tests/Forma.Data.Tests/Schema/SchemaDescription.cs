using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Forma.Data.Tests.Schema;

/// <summary>
/// A schema written as sorted lines — tables, columns with store type and nullability, primary keys,
/// foreign keys with their delete rule, indexes — once from the EF model and once from a live database,
/// so the two can be compared line by line and a mismatch reads as a diff.
/// </summary>
internal static class SchemaDescription
{
    private static readonly string[] IgnoredTables = ["__EFMigrationsHistory", "__EFMigrationsLock"];

    public static List<string> FromModel(FormaDbContext db)
    {
        var model = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var lines = new List<string>();
        foreach (var table in model.Tables)
        {
            lines.Add($"table {table.Name}");
            lines.AddRange(table.Columns.Select(c => $"column {table.Name}.{c.Name} {c.StoreType} {(c.IsNullable ? "null" : "not null")}"));
            lines.Add($"pk {table.Name} ({Join(table.PrimaryKey!.Columns.Select(c => c.Name))})");
            lines.AddRange(table.ForeignKeyConstraints.Select(fk =>
                $"fk {table.Name} ({Join(fk.Columns.Select(c => c.Name))}) -> {fk.PrincipalTable.Name} ({Join(fk.PrincipalColumns.Select(c => c.Name))}) on delete {Rule(fk.OnDeleteAction)}"));
            lines.AddRange(table.Indexes.Select(i => $"index {table.Name}.{i.Name} ({Join(i.Columns.Select(c => c.Name))}){(i.IsUnique ? " unique" : "")}"));
            lines.AddRange(table.UniqueConstraints.Where(u => !u.GetIsPrimaryKey())
                .Select(u => $"index {table.Name}.{u.Name} ({Join(u.Columns.Select(c => c.Name))}) unique"));
        }

        return Sorted(lines);
    }

    public static async Task<List<string>> FromDatabaseAsync(FormaDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            return Sorted(db.Database.IsNpgsql() ? await ReadPostgresAsync(connection) : await ReadSqliteAsync(connection));
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    private static async Task<List<string>> ReadSqliteAsync(DbConnection connection)
    {
        var lines = new List<string>();
        var tables = await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'", r => r.GetString(0));
        foreach (var table in tables.Except(IgnoredTables))
        {
            lines.Add($"table {table}");
            var columns = await QueryAsync(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')",
                r => (Name: r.GetString(0), Type: r.GetString(1), NotNull: r.GetInt64(2) == 1, Pk: r.GetInt64(3)));
            lines.AddRange(columns.Select(c => $"column {table}.{c.Name} {c.Type} {(c.NotNull ? "not null" : "null")}"));
            lines.Add($"pk {table} ({Join(columns.Where(c => c.Pk > 0).OrderBy(c => c.Pk).Select(c => c.Name))})");

            var fks = await QueryAsync(connection, $"SELECT id, seq, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')",
                r => (Id: r.GetInt64(0), Seq: r.GetInt64(1), Principal: r.GetString(2), From: r.GetString(3), To: r.GetString(4), OnDelete: r.GetString(5)));
            lines.AddRange(fks.GroupBy(f => f.Id).Select(g =>
            {
                var ordered = g.OrderBy(f => f.Seq).ToList();
                return $"fk {table} ({Join(ordered.Select(f => f.From))}) -> {ordered[0].Principal} ({Join(ordered.Select(f => f.To))}) on delete {ordered[0].OnDelete.ToLowerInvariant()}";
            }));

            var indexes = await QueryAsync(connection, $"SELECT name, \"unique\" FROM pragma_index_list('{table}') WHERE origin = 'c'",
                r => (Name: r.GetString(0), Unique: r.GetInt64(1) == 1));
            foreach (var index in indexes)
            {
                var indexColumns = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{index.Name}') ORDER BY seqno", r => r.GetString(0));
                lines.Add($"index {table}.{index.Name} ({Join(indexColumns)}){(index.Unique ? " unique" : "")}");
            }
        }

        return lines;
    }

    private static async Task<List<string>> ReadPostgresAsync(DbConnection connection)
    {
        var lines = new List<string>();
        var tables = await QueryAsync(connection, "SELECT tablename FROM pg_tables WHERE schemaname = 'public'", r => r.GetString(0));
        foreach (var table in tables.Except(IgnoredTables))
        {
            lines.Add($"table {table}");
            lines.AddRange(await QueryAsync(connection, $"""
                SELECT format('column %s.%s %s %s', '{table}', a.attname, format_type(a.atttypid, a.atttypmod), CASE WHEN a.attnotnull THEN 'not null' ELSE 'null' END)
                  FROM pg_attribute a WHERE a.attrelid = 'public.{table}'::regclass AND a.attnum > 0 AND NOT a.attisdropped
                """, r => r.GetString(0)));
            lines.AddRange(await QueryAsync(connection, $"""
                SELECT format('pk %s (%s)', '{table}', string_agg(a.attname, ', ' ORDER BY k.ord))
                  FROM pg_constraint con
                  CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                  JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
                 WHERE con.conrelid = 'public.{table}'::regclass AND con.contype = 'p'
                 GROUP BY con.oid
                """, r => r.GetString(0)));
            lines.AddRange(await QueryAsync(connection, $"""
                SELECT format('fk %s (%s) -> %s (%s) on delete %s', '{table}',
                       (SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                          JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum),
                       con.confrelid::regclass::text,
                       (SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                          JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum),
                       CASE con.confdeltype WHEN 'a' THEN 'no action' WHEN 'r' THEN 'restrict' WHEN 'c' THEN 'cascade' WHEN 'n' THEN 'set null' ELSE 'set default' END)
                  FROM pg_constraint con WHERE con.conrelid = 'public.{table}'::regclass AND con.contype = 'f'
                """, r => r.GetString(0)));
            lines.AddRange(await QueryAsync(connection, $"""
                SELECT format('index %s.%s (%s)%s', '{table}', i.relname,
                       (SELECT string_agg(a.attname, ', ' ORDER BY k.ord) FROM unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
                          JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.attnum),
                       CASE WHEN ix.indisunique THEN ' unique' ELSE '' END)
                  FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid
                 WHERE ix.indrelid = 'public.{table}'::regclass AND NOT ix.indisprimary
                   -- An exclusion constraint's index is PostgreSQL-only and outside the EF model (booking's no-overlap rule).
                   AND NOT EXISTS (SELECT 1 FROM pg_constraint x WHERE x.conindid = ix.indexrelid AND x.contype = 'x')
                """, r => r.GetString(0)));
        }

        return lines;
    }

    private static string Rule(ReferentialAction action) => action switch
    {
        ReferentialAction.NoAction => "no action",
        ReferentialAction.Restrict => "restrict",
        ReferentialAction.Cascade => "cascade",
        ReferentialAction.SetNull => "set null",
        ReferentialAction.SetDefault => "set default",
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    private static string Join(IEnumerable<string> names) => string.Join(", ", names);

    private static List<string> Sorted(List<string> lines) => lines.Order(StringComparer.Ordinal).ToList();

    private static async Task<List<T>> QueryAsync<T>(DbConnection connection, string sql, Func<DbDataReader, T> read)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
