namespace Forma.Core.Validation;

/// <summary>Text that may span lines (notes, reasons): line breaks and tabs are allowed, other control and format characters are not.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class MultilineTextAttribute : Attribute;

/// <summary>
/// A secret (a password) is compared, never shown, and a person may have chosen any character for it — an emoji
/// sequence joined by U+200D included — so the text rules leave it alone.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class SecretTextAttribute : Attribute;
