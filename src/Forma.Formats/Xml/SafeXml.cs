using System.Text;
using System.Xml;

namespace Forma.Formats.Xml;

/// <summary>
/// Opens untrusted XML with everything dangerous switched off and turns every parser failure into an
/// <see cref="ActivityFormatException"/>, so callers never see XmlException and friends.
/// </summary>
internal static class SafeXml
{
    public static T Parse<T>(Stream stream, XmlReadOptions options, Func<XmlReader, T> parse)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var settings = new XmlReaderSettings
        {
            // No DTD means no entity expansion (billion laughs) and no external entities (file or network reads).
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = options.MaxCharactersInDocument,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
            IgnoreProcessingInstructions = true,
            IgnoreWhitespace = true,
            CloseInput = false,
        };

        try
        {
            using var reader = XmlReader.Create(stream, settings);
            return parse(reader);
        }
        catch (XmlException e)
        {
            throw Map(e);
        }
        catch (InvalidDataException e)
        {
            // A compressed input stream found its data corrupt while the parser was reading it.
            throw new ActivityFormatException("archive-corrupt", "The compressed data is corrupt.", null, e);
        }
        catch (DecoderFallbackException e)
        {
            throw new ActivityFormatException("xml-malformed", "The file's text is not valid in its declared encoding.", null, e);
        }
    }

    /// <summary>
    /// XmlException carries no error code, only its message; the runtime ships English resources only
    /// (InvariantGlobalization), so matching the two limit messages is stable.
    /// </summary>
    private static ActivityFormatException Map(XmlException e)
    {
        var where = e.LineNumber > 0 ? $" (line {e.LineNumber}, column {e.LinePosition})" : "";
        if (e.Message.Contains("DTD", StringComparison.Ordinal))
        {
            return new ActivityFormatException("xml-dtd-prohibited", "The file declares a DTD, which is refused for security" + where + ".", null, e);
        }

        if (e.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal))
        {
            return new ActivityFormatException("xml-too-large", "The file is larger than the accepted limit.", null, e);
        }

        return new ActivityFormatException("xml-malformed", "The file is not well-formed XML" + where + ": " + e.Message, null, e);
    }
}
