using Forma.Core;
using Forma.Data.Blobs;
using Forma.Formats.Archives;
using Forma.Formats.Detection;

namespace Forma.Web.Features.Activities;

/// <summary>
/// What the upload endpoint needs to know about the bytes it streams in: whether a stored part is an archive
/// and how many entries it holds, and what to answer when the multipart body itself cannot be read.
/// </summary>
internal static class UploadBody
{
    /// <summary>The headers of one part; a file name of 100 KB breaks it and is refused (names are kept to 255 characters anyway).</summary>
    public const int HeadersLengthLimit = 16 * 1024;

    /// <summary>
    /// Entries in the stored part's zip directory, counted record by record and stopped once past
    /// <paramref name="stopAfter"/>; 0 for a part that is not a zip (or a zip too damaged to count, which its
    /// parse job then reports).
    /// </summary>
    public static long ArchiveEntries(BlobStore blobs, StoredBlob blob, long stopAfter)
    {
        using var stored = blobs.Open(blob.Sha256);
        Span<byte> head = stackalloc byte[4];
        var got = stored.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (ActivitySniffer.Detect(head[..got]) != DetectedFormat.Zip)
        {
            return 0;
        }

        stored.Position = 0;
        return ExportArchive.CountEntries(stored, stopAfter) ?? 0;
    }

    /// <summary>
    /// The multipart reader's ways of saying the body is broken: a part whose headers break the limits or a
    /// boundary it cannot parse (invalid data), or a body that ends before the closing boundary (end of stream).
    /// A request the server itself refused (too large, too slow) is not ours to relabel.
    /// </summary>
    public static bool IsMalformed(Exception exception) =>
        exception is InvalidDataException || (exception is IOException && exception is not BadHttpRequestException);

    public static DomainException Refusal(Exception exception) => exception is InvalidDataException
        ? new DomainException("multipart-malformed",
            $"A part of the multipart body cannot be read: its headers are longer than {HeadersLengthLimit:N0} bytes (a file name that long?) or malformed. Nothing was imported.",
            "files")
        : new DomainException("multipart-truncated",
            "The multipart body ends before its closing boundary: the upload was cut short. Nothing was imported; send it again.",
            "files");
}
