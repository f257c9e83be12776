using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Forma.Data.Blobs;

/// <summary>The <c>Storage</c> configuration section.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Where blobs live; a relative path is under the content root. Instances that scale out share it (a network volume).</summary>
    public string Path { get; set; } = "data/blobs";
}

/// <summary>A stored blob: its content address and size.</summary>
public sealed record StoredBlob(string Sha256, long Size);

/// <summary>
/// Content-addressed file storage: a blob's name is the SHA-256 of its bytes, so the same bytes are stored
/// once, a stored blob never changes, and its integrity can be checked at any time. Writes go to a
/// temporary file first and are moved into place only when complete, so a crash never leaves half a blob
/// under a real name.
/// </summary>
public sealed class BlobStore(IOptions<StorageOptions> options)
{
    private readonly string _root = options.Value.Path;

    /// <summary>Copies <paramref name="content"/> into the store, at most <paramref name="maxBytes"/>; throws <see cref="BlobTooLargeException"/> beyond.</summary>
    public async Task<StoredBlob> PutAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var incoming = System.IO.Path.Combine(_root, "incoming");
        Directory.CreateDirectory(incoming);
        var temporary = System.IO.Path.Combine(incoming, Guid.NewGuid().ToString("N"));
        long size = 0;
        string sha256;
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                    {
                        throw new BlobTooLargeException(maxBytes);
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
            }

            sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            var final = PathOf(sha256);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(final)!);
            if (File.Exists(final))
            {
                File.Delete(temporary); // the same bytes are already stored
            }
            else
            {
                File.Move(temporary, final, overwrite: true);
            }
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        return new StoredBlob(sha256, size);
    }

    public Task<StoredBlob> PutAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var stream = new MemoryStream(content.ToArray(), writable: false);
        return PutAsync(stream, long.MaxValue, cancellationToken);
    }

    /// <summary>Opens a stored blob for reading; throws <see cref="FileNotFoundException"/> when there is none by that hash.</summary>
    public Stream Open(string sha256) => new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public bool Exists(string sha256) => File.Exists(PathOf(sha256));

    /// <summary><c>{root}/sha256/ab/cd/abcd…</c>: two levels of fan-out keep directories small at millions of blobs.</summary>
    private string PathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("Not a lower-case hex SHA-256.", nameof(sha256));
        }

        return System.IO.Path.Combine(_root, "sha256", sha256[..2], sha256[2..4], sha256);
    }
}

public sealed class BlobTooLargeException(long maxBytes) : Exception($"The content is larger than {maxBytes} bytes.")
{
    public long MaxBytes { get; } = maxBytes;
}
