using Forma.Formats.Xml;

namespace Forma.Formats.Gpx;

public sealed record GpxReadOptions : XmlReadOptions;
