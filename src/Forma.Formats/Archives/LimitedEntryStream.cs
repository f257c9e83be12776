using Forma.Formats.Detection;

namespace Forma.Formats.Archives;

/// <summary>
/// An entry's inflated bytes, stopped with <c>archive-too-large</c> as soon as they pass the size the zip
/// declared for the entry (only a crafted archive does that) or the archive's budget.
/// </summary>
internal sealed class LimitedEntryStream(Stream inflater, string path, long declaredLength, ArchiveBudget budget) : ReadOnlyStream
{
    private long _produced;

    public override int Read(Span<byte> buffer)
    {
        int read;
        try
        {
            read = inflater.Read(buffer);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            // The runtime checks the declared size too and may notice the lie first; it is the same lie.
            throw _produced >= declaredLength
                ? ArchiveErrors.TooLarge($"'{path}' inflates past the size the archive declares for it.")
                : ArchiveErrors.Corrupt(path, e);
        }

        _produced += read;
        if (_produced > declaredLength)
        {
            throw ArchiveErrors.TooLarge($"'{path}' inflates past the size the archive declares for it.");
        }

        budget.Inflated(read);
        return read;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inflater.Dispose();
        }

        base.Dispose(disposing);
    }
}
