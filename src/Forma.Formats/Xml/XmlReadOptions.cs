namespace Forma.Formats.Xml;

/// <summary>Limits every XML activity reader applies, so a hostile or broken upload cannot exhaust the server.</summary>
public abstract record XmlReadOptions
{
    /// <summary>
    /// The most characters a document may have. The largest real GPX/TCX files we have seen are tens of MB;
    /// 512 M characters leaves room for a day-long recording while stopping an endless stream.
    /// </summary>
    public long MaxCharactersInDocument { get; init; } = 512L * 1024 * 1024;

    /// <summary>The deepest element nesting accepted. GPX and TCX need under 10 levels; deep nesting is an attack on the parser's stack.</summary>
    public int MaxDepth { get; init; } = 64;
}
