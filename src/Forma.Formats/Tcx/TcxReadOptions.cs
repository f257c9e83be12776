using Forma.Formats.Xml;

namespace Forma.Formats.Tcx;

public sealed record TcxReadOptions : XmlReadOptions;
