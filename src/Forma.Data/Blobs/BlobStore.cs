using System.Security.Cryptography;
using Forma.Core.Tenancy;
using Forma.Data.Tenancy;
using Microsoft.Extensions.Options;

namespace Forma.Data.Blobs;

/// <summary>A stored blob: its content address and size.</summary>
public sealed record StoredBlob(string Sha256, long Size);

/// <summary>
/// Content-addressed file storage owned by tenants: a blob lives under its tenant's folder and is named by
/// the SHA-256 of its bytes, so the same bytes are stored once per tenant — never shared with another
/// tenant, whose purge must not depend on anyone else still using them. A stored blob never changes and
/// its integrity can be checked at any time. Writes go to a temporary file first and are moved into place
/// only when complete, so a crash never leaves half a blob under a real name (<see cref="BlobCollector"/>
/// sweeps what a crash leaves in <c>incoming</c>). Scoped: it acts for the scope's tenant and refuses to
/// act without one.
/// </summary>
public sealed class BlobStore(IOptions<StorageOptions> options, ICurrentTenant tenant, TimeProvider clock)
{
    private readonly BlobLayout _layout = new(options.Value.Path);

    /// <summary>Copies <paramref name="content"/> into the store, at most <paramref name="maxBytes"/>; throws <see cref="BlobTooLargeException"/> beyond.</summary>
    public async Task<StoredBlob> PutAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var tenantId = TenantId();
        Directory.CreateDirectory(_layout.Incoming);
        var temporary = Path.Combine(_layout.Incoming, Guid.NewGuid().ToString("N"));
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
            var final = _layout.PathOf(tenantId, sha256);
            Directory.CreateDirectory(Path.GetDirectoryName(final)!);
            // Moved over an existing copy rather than skipped: the collector may be deleting that copy right
            // now (it was unused for the whole grace period), and the row about to reference it must find it.
            File.Move(temporary, final, overwrite: true);
            // The collector measures its grace period from this stamp, on the application's clock.
            File.SetLastWriteTimeUtc(final, clock.GetUtcNow().UtcDateTime);
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

    /// <summary>Opens one of this tenant's blobs for reading; throws <see cref="FileNotFoundException"/> when it has none by that hash.</summary>
    public Stream Open(string sha256) => new FileStream(Locate(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public bool Exists(string sha256) => File.Exists(Locate(sha256));

    /// <summary>The tenant's copy, or a blob stored before blobs had owners (shared, read-only from now on).</summary>
    private string Locate(string sha256)
    {
        var owned = _layout.PathOf(TenantId(), sha256);
        if (!File.Exists(owned) && _layout.LegacyPathOf(sha256) is var legacy && File.Exists(legacy))
        {
            return legacy;
        }

        return owned;
    }

    private Guid TenantId() => tenant.TenantId ?? throw new TenantIsolationException("Blobs belong to a tenant: none is in scope.");
}

public sealed class BlobTooLargeException(long maxBytes) : Exception($"The content is larger than {maxBytes} bytes.")
{
    public long MaxBytes { get; } = maxBytes;
}
