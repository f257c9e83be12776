using System.Globalization;
using System.Text;
using System.Xml;

namespace Forma.Formats.Xml;

/// <summary>
/// What the GPX and TCX writers share: an XmlWriter set up the same way, and values spelled the way the readers
/// (and xs:double / xs:dateTime) take them, whatever the culture of the machine.
/// </summary>
internal static class XmlOutput
{
    public static XmlWriter Create(Stream output) => XmlWriter.Create(output, new XmlWriterSettings
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        CloseOutput = false,
    });

    public const string Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    /// <summary>
    /// Starts the document with its root element, the extension namespaces' prefixes, and xsi:schemaLocation
    /// (pairs of namespace and schema address) for validators that look there.
    /// </summary>
    public static void StartRoot(XmlWriter xml, string root, string ns, string schemaLocation, params ReadOnlySpan<(string Prefix, string Namespace)> prefixes)
    {
        xml.WriteStartDocument();
        xml.WriteStartElement(root, ns);
        foreach (var (prefix, uri) in prefixes)
        {
            xml.WriteAttributeString("xmlns", prefix, null, uri);
        }

        xml.WriteAttributeString("xmlns", "xsi", null, Xsi);
        xml.WriteAttributeString("schemaLocation", Xsi, schemaLocation);
    }

    /// <summary>The shortest text that reads back as the same double.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// As <see cref="Number"/>, but never in exponent form, which xs:decimal (GPX's latitude and longitude) does not
    /// allow: "R" writes 1E-05 for a point 1 m from the equator.
    /// </summary>
    public static string Decimal(double value)
    {
        var text = Number(value);
        return text.Contains('E', StringComparison.Ordinal) ? value.ToString("0.############################", CultureInfo.InvariantCulture) : text;
    }

    public static string Integer(double value) => Math.Round(value).ToString("0", CultureInfo.InvariantCulture);

    /// <summary>UTC with a Z, and a fraction only when there is one (to the tick, which IsoTimestamp reads back exactly).</summary>
    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>The moment <paramref name="seconds"/> after <paramref name="start"/>, to the nearest tick.</summary>
    public static DateTime At(DateTime start, double seconds) => start.AddTicks((long)Math.Round(seconds * TimeSpan.TicksPerSecond));

    /// <summary>
    /// The text without the characters XML 1.0 cannot carry (control characters, lone surrogates): a name copied
    /// from a FIT file may hold them, and XmlWriter would throw rather than write the file.
    /// </summary>
    public static string Text(string text)
    {
        StringBuilder? clean = null;
        for (var i = 0; i < text.Length; i++)
        {
            var pair = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (pair || XmlConvert.IsXmlChar(text[i]))
            {
                clean?.Append(text, i, pair ? 2 : 1);
            }
            else
            {
                clean ??= new StringBuilder(text, 0, i, text.Length);
            }

            i += pair ? 1 : 0;
        }

        return clean?.ToString() ?? text;
    }

    /// <summary>An element with text content, when there is a value.</summary>
    public static void Element(XmlWriter xml, string name, string? ns, string? value)
    {
        if (value is not null)
        {
            xml.WriteElementString(name, ns, value);
        }
    }
}
