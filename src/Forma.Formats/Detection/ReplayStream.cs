namespace Forma.Formats.Detection;

/// <summary>
/// Gives back bytes already read for sniffing, then the rest of the input, so sniffing works on streams that
/// cannot seek (an HTTP body). Counts what it hands out, for the compression-ratio guard. Leaves the input open.
/// </summary>
internal sealed class ReplayStream(byte[] prefix, Stream inner) : ReadOnlyStream
{
    private int _prefixUsed;

    public long BytesRead { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        int read;
        if (_prefixUsed < prefix.Length)
        {
            read = Math.Min(buffer.Length, prefix.Length - _prefixUsed);
            prefix.AsSpan(_prefixUsed, read).CopyTo(buffer);
            _prefixUsed += read;
        }
        else
        {
            read = inner.Read(buffer);
        }

        BytesRead += read;
        return read;
    }
}
