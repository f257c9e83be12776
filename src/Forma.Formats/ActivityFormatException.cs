namespace Forma.Formats;

/// <summary>
/// The input is not a valid file of the format, or breaks a limit. Every decoder reports bad input with this
/// type and nothing else, so an import can record a clear per-file error and go on with the batch.
/// </summary>
public sealed class ActivityFormatException : Exception
{
    public ActivityFormatException(string code, string message, long? offset = null, Exception? inner = null)
        : base(offset is null ? message : $"{message} (at byte {offset})", inner)
    {
        Code = code;
        Offset = offset;
    }

    public ActivityFormatException()
        : this("invalid", "The file is not valid.")
    {
    }

    public ActivityFormatException(string message)
        : this("invalid", message)
    {
    }

    public ActivityFormatException(string message, Exception inner)
        : this("invalid", message, null, inner)
    {
    }

    /// <summary>A stable kebab-case code such as <c>fit-crc-mismatch</c> or <c>xml-dtd-prohibited</c>.</summary>
    public string Code { get; }

    /// <summary>Where in the input the problem was found, when known.</summary>
    public long? Offset { get; }
}
