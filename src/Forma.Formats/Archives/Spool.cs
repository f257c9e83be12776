namespace Forma.Formats.Archives;

/// <summary>
/// Copies a forward-only stream to a temporary file that deletes itself on close. A zip's directory sits at
/// its end, so reading one needs seeking; a file keeps memory flat where a MemoryStream would hold gigabytes.
/// </summary>
internal static class Spool
{
    public static FileStream ToTemporaryFile(Stream source, long maxBytes)
    {
        var file = new FileStream(
            Path.Combine(Path.GetTempPath(), "forma-" + Path.GetRandomFileName()),
            FileMode.CreateNew,
            FileAccess.ReadWrite,
            FileShare.None,
            81920,
            FileOptions.DeleteOnClose);
        try
        {
            var buffer = new byte[81920];
            int read;
            while ((read = source.Read(buffer)) > 0)
            {
                if (file.Length + read > maxBytes)
                {
                    throw ArchiveErrors.TooLarge($"The archive is larger than {maxBytes} bytes.");
                }

                file.Write(buffer, 0, read);
            }

            file.Position = 0;
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }
}
