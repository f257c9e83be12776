namespace Forma.Formats.Fit;

/// <summary>Reads a whole stream into memory within <see cref="FitDecodeOptions.MaxBytes"/>; FIT is decoded from one span.</summary>
internal static class FitStreamInput
{
    public static byte[] ReadAll(Stream stream, FitDecodeOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var limit = Math.Min(options.MaxBytes, Array.MaxLength); // one span cannot hold more
        if (stream.CanSeek && stream.Length - stream.Position > limit)
        {
            throw new ActivityFormatException("fit-too-large", $"The input is larger than {limit} bytes.");
        }

        using var buffer = stream.CanSeek ? new MemoryStream((int)Math.Max(0, stream.Length - stream.Position)) : new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new ActivityFormatException("fit-too-large", $"The input is larger than {limit} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
    }
}
