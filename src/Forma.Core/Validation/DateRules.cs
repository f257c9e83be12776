namespace Forma.Core.Validation;

/// <summary>
/// The calendar Forma works in. No birth, activity, booking or report date lies outside it, and keeping every
/// date inside it means date arithmetic (the day after, a week before) can never overflow <see cref="DateOnly.MaxValue"/>
/// or reach years that databases store differently.
/// </summary>
public static class DateRules
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public static readonly DateOnly Latest = new(2100, 12, 31);

    /// <exception cref="DomainException">The date lies outside <see cref="Earliest"/>..<see cref="Latest"/>.</exception>
    public static DateOnly Require(DateOnly value, string field) =>
        value >= Earliest && value <= Latest
            ? value
            : throw new DomainException("invalid-date", $"A date between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}.", field);

    /// <exception cref="DomainException">The instant's date lies outside <see cref="Earliest"/>..<see cref="Latest"/>.</exception>
    public static DateTime Require(DateTime value, string field)
    {
        Require(DateOnly.FromDateTime(value), field);
        return value;
    }

    /// <exception cref="DomainException">The instant's UTC date lies outside <see cref="Earliest"/>..<see cref="Latest"/>.</exception>
    public static DateTimeOffset Require(DateTimeOffset value, string field)
    {
        Require(DateOnly.FromDateTime(value.UtcDateTime), field);
        return value;
    }
}
