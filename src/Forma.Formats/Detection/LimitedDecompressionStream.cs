namespace Forma.Formats.Detection;

/// <summary>Reads from a decompressor and stops with <c>archive-too-large</c> once the output breaks a limit.</summary>
internal sealed class LimitedDecompressionStream(Stream decompressor, ReplayStream compressed, DecompressionLimits limits) : ReadOnlyStream
{
    private long _produced;

    public override int Read(Span<byte> buffer)
    {
        int read;
        try
        {
            read = decompressor.Read(buffer);
        }
        catch (InvalidDataException e)
        {
            throw new ActivityFormatException("archive-corrupt", "The compressed data is corrupt.", compressed.BytesRead, e);
        }

        _produced += read;
        if (_produced > limits.MaxDecompressedBytes)
        {
            throw new ActivityFormatException("archive-too-large", $"The file decompresses to more than {limits.MaxDecompressedBytes:N0} bytes, the limit for one activity file.");
        }

        // The decompressor reads ahead, so BytesRead overstates the input used and the ratio errs on the safe side.
        if (_produced > limits.RatioGraceBytes && _produced > limits.MaxRatio * compressed.BytesRead)
        {
            throw new ActivityFormatException("archive-too-large", $"The file decompresses more than {limits.MaxRatio}:1, which real recordings never do.");
        }

        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            decompressor.Dispose();
        }

        base.Dispose(disposing);
    }
}
