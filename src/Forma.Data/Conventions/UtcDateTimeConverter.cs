using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Forma.Data.Conventions;

/// <summary>
/// Every stored instant is UTC. Writing refuses a local time instead of guessing its zone; reading marks
/// the value as UTC, which SQLite's text storage forgets.
/// </summary>
internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => ToUtc(value),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc))
{
    private static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        DateTimeKind.Local => throw new ArgumentException("Local times are not stored; convert to UTC first.", nameof(value)),
        _ => throw new ArgumentOutOfRangeException(nameof(value)),
    };
}
