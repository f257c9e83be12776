namespace Forma.Formats.Archives;

/// <summary>
/// What one archive has cost so far, across its nested archives: entries seen, bytes declared, bytes inflated.
/// Declared sizes refuse an honest bomb before any inflating; the inflated count stops a lying one.
/// </summary>
internal sealed class ArchiveBudget(ArchiveLimits limits)
{
    private long _entries;
    private long _declared;
    private long _inflated;

    public ArchiveLimits Limits => limits;

    /// <summary>Entries the archive may still hold; counting one more than this is enough to refuse it.</summary>
    public long EntriesLeft => limits.MaxEntries - _entries;

    public void AddEntries(long count)
    {
        _entries += count;
        if (_entries > limits.MaxEntries)
        {
            throw ArchiveErrors.TooManyEntries(limits.MaxEntries, _entries);
        }
    }

    public void Declare(string path, long length, long compressedLength)
    {
        _declared += length;
        if (_declared > limits.MaxTotalBytes)
        {
            throw ArchiveErrors.TooLarge($"The archive declares more than {limits.MaxTotalBytes} bytes of content.");
        }

        if (length > limits.RatioGraceBytes && length > limits.MaxRatio * compressedLength)
        {
            throw ArchiveErrors.TooLarge($"'{path}' declares a compression ratio above {limits.MaxRatio}:1, which real exports never reach.");
        }
    }

    public void Inflated(int count)
    {
        if (Interlocked.Add(ref _inflated, count) > limits.MaxTotalBytes)
        {
            throw ArchiveErrors.TooLarge($"Reading the archive inflated more than {limits.MaxTotalBytes} bytes.");
        }
    }
}
