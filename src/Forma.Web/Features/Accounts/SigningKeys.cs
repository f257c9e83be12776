using System.Security.Cryptography;
using Forma.Data;
using Forma.Data.Accounts;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace Forma.Web.Features.Accounts;

/// <summary>
/// The access-token signing keys, read from the database (so every instance shares them) and kept in
/// memory; a key id this instance has not seen makes it read the table again. The first instance to
/// need a key creates one.
/// </summary>
public sealed class SigningKeys(IServiceScopeFactory scopes, TimeProvider clock) : IDisposable
{
    private readonly SemaphoreSlim _lock = new(1, 1);
    private static readonly TimeSpan MinimumReloadInterval = TimeSpan.FromSeconds(30);
    private List<SymmetricSecurityKey> _keys = [];
    private DateTimeOffset _loadedAt = DateTimeOffset.MinValue;

    /// <summary>The newest key, which signs new tokens.</summary>
    public async Task<SymmetricSecurityKey> CurrentAsync(CancellationToken cancellationToken)
    {
        if (_keys.Count == 0)
        {
            await ReloadAsync(createIfNone: true, cancellationToken);
        }

        return _keys[0];
    }

    /// <summary>
    /// The key with this id. An unknown id re-reads the table — at most every 30 seconds, so tokens with
    /// made-up key ids cannot make every request query the database — and the list is refreshed as often,
    /// so a key deleted from the table stops validating within that time.
    /// </summary>
    public async Task<SymmetricSecurityKey?> FindAsync(string? keyId, CancellationToken cancellationToken)
    {
        var stale = clock.GetUtcNow() - _loadedAt > MinimumReloadInterval;
        var key = _keys.FirstOrDefault(k => k.KeyId == keyId);
        if (keyId is not null && stale)
        {
            await ReloadAsync(createIfNone: false, cancellationToken);
            key = _keys.FirstOrDefault(k => k.KeyId == keyId);
        }

        return key;
    }

    private async Task ReloadAsync(bool createIfNone, CancellationToken cancellationToken)
    {
        await _lock.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FormaDbContext>();
            var stored = await db.SigningKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id).ToListAsync(cancellationToken);
            if (stored.Count == 0 && createIfNone)
            {
                var created = SigningKey.Create(RandomNumberGenerator.GetBytes(32), clock.GetUtcNow().UtcDateTime);
                db.SigningKeys.Add(created);
                await db.SaveChangesAsync(cancellationToken);
                stored = [created];
            }

            _keys = stored.Select(k => new SymmetricSecurityKey(k.Secret) { KeyId = k.Id }).ToList();
            _loadedAt = clock.GetUtcNow();
        }
        finally
        {
            _lock.Release();
        }
    }

    public void Dispose() => _lock.Dispose();
}
