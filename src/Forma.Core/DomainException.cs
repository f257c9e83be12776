namespace Forma.Core;

/// <summary>
/// A rule of the domain was broken by the caller's input. The web host maps it to a 400/409/422
/// problem-details response with <see cref="Code"/> as its stable type, so callers can branch on it.
/// </summary>
public class DomainException(string code, string message, string? field = null) : Exception(message)
{
    /// <summary>A stable, kebab-case identifier such as <c>slug-taken</c>.</summary>
    public string Code { get; } = code;

    /// <summary>The request field the error is about, when there is one.</summary>
    public string? Field { get; } = field;
}
