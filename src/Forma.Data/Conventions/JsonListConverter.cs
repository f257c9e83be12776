using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Forma.Data.Conventions;

/// <summary>
/// A short list kept as one JSON text column, the same on SQLite and PostgreSQL (tags, ids, weekly hours). Lists
/// that a query must search inside would deserve a table; these are read and written whole.
/// </summary>
internal sealed class JsonListConverter<T>() : ValueConverter<List<T>, string>(
    value => JsonSerializer.Serialize(value, Options),
    json => JsonSerializer.Deserialize<List<T>>(json, Options) ?? new List<T>())
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>Change tracking compares the lists by content, not by reference.</summary>
    public static readonly ValueComparer<List<T>> Comparer = new(
        (a, b) => a!.SequenceEqual(b!),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        list => list.ToList());
}
