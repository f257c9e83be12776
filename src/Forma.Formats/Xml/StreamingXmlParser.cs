using System.Text;
using System.Xml;

namespace Forma.Formats.Xml;

/// <summary>
/// Walks an XmlReader forward once and reports element starts and ends with the element's text, keeping
/// only the open-element path in memory. Formats subclass it and react to the few elements they know;
/// everything else streams past, so memory stays flat whatever the file's size.
/// </summary>
internal abstract class StreamingXmlParser<TDocument>(XmlReadOptions options, string rootName)
    where TDocument : new()
{
    /// <summary>No value we read (a number, a date, a name) is longer; text beyond this is dropped, not buffered.</summary>
    private const int MaxTextLength = 4096;

    private readonly List<string> _path = [];
    private readonly List<string> _namespaces = [];
    private readonly StringBuilder _text = new();
    private readonly char[] _chunk = new char[1024];
    private IXmlLineInfo? _lineInfo;

    /// <summary>What the subclass collects; returned by <see cref="Parse"/>.</summary>
    protected TDocument Document { get; } = new();

    /// <summary>How many elements are open, the current one included.</summary>
    protected int Depth => _path.Count;

    /// <summary>The local name of the element <paramref name="up"/> levels above the current one (0 = the current one), or "".</summary>
    protected string Ancestor(int up) => _path.Count > up ? _path[_path.Count - 1 - up] : "";

    /// <summary>Where the reader is, for error messages.</summary>
    protected string Location => _lineInfo is { } info && info.HasLineInfo() ? $"line {info.LineNumber}" : "unknown position";

    public TDocument Parse(XmlReader reader)
    {
        _lineInfo = reader as IXmlLineInfo;
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    OpenElement(reader);
                    break;
                case XmlNodeType.Text:
                case XmlNodeType.CDATA:
                case XmlNodeType.SignificantWhitespace:
                    AppendText(reader);
                    break;
                case XmlNodeType.EndElement:
                    CloseElement();
                    break;
                default:
                    break;
            }
        }

        return Document;
    }

    protected double Number(string text, string what) => XmlValues.Number(text, what, Location);

    protected double Number(string text, string what, double min, double max) => XmlValues.Number(text, what, Location, min, max);

    protected DateTime? Time(string text, string what) => XmlValues.Time(text, what, Location);

    /// <summary>Called on an element's start tag; attributes are readable from <paramref name="reader"/>.</summary>
    protected abstract void OnStart(XmlReader reader, string localName, string namespaceUri);

    /// <summary>Called on an element's end tag (or right after the start of an empty element) with its trimmed text.</summary>
    protected abstract void OnEnd(string localName, string namespaceUri, string text);

    private void OpenElement(XmlReader reader)
    {
        if (_path.Count == 0 && reader.LocalName != rootName)
        {
            throw new ActivityFormatException("xml-unexpected-root", $"The root element is <{XmlValues.Clip(reader.LocalName)}>, expected <{rootName}>.");
        }

        if (_path.Count >= options.MaxDepth)
        {
            throw new ActivityFormatException("xml-too-deep", $"Elements are nested deeper than {options.MaxDepth} levels at {Location}.");
        }

        _text.Clear();
        _path.Add(reader.LocalName);
        _namespaces.Add(reader.NamespaceURI);
        var empty = reader.IsEmptyElement;
        OnStart(reader, reader.LocalName, reader.NamespaceURI);
        if (empty)
        {
            CloseElement();
        }
    }

    /// <summary>
    /// Reads text in chunks, keeping only the first <see cref="MaxTextLength"/> characters: reader.Value would
    /// build the whole node as one string, and a hostile file can make a single text node hundreds of MB.
    /// </summary>
    private void AppendText(XmlReader reader)
    {
        if (!reader.CanReadValueChunk)
        {
            Append(reader.Value);
            return;
        }

        int read;
        while ((read = reader.ReadValueChunk(_chunk, 0, _chunk.Length)) > 0)
        {
            Append(_chunk.AsSpan(0, read));
        }
    }

    private void Append(ReadOnlySpan<char> value)
    {
        var room = MaxTextLength + 1 - _text.Length;
        if (room > 0)
        {
            _text.Append(value[..Math.Min(room, value.Length)]);
        }
    }

    private void CloseElement()
    {
        var text = _text.ToString().Trim();
        _text.Clear();
        OnEnd(_path[^1], _namespaces[^1], text);
        _path.RemoveAt(_path.Count - 1);
        _namespaces.RemoveAt(_namespaces.Count - 1);
    }
}
