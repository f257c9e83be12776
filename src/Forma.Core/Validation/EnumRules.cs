namespace Forma.Core.Validation;

/// <summary>
/// A C# enum holds any integer, so <c>(Sex)99</c> is a value the type system accepts and every <c>switch</c> on it
/// then misses; values that cross a boundary (a request, a stored row) are checked against the declared names.
/// </summary>
public static class EnumRules
{
    /// <exception cref="DomainException">The value is not one of the enum's declared members.</exception>
    public static T Require<T>(T value, string field)
        where T : struct, Enum =>
        Enum.IsDefined(value)
            ? value
            : throw new DomainException("invalid-choice", $"One of {string.Join(", ", Enum.GetNames<T>())}.", field);

    /// <inheritdoc cref="Require{T}(T, string)"/>
    public static T? Require<T>(T? value, string field)
        where T : struct, Enum =>
        value is { } v ? Require(v, field) : null;
}
