namespace Forma.Data.Accounts;

/// <summary>
/// A secret that signs access tokens (HMAC-SHA256). Kept in the database so every instance signs and
/// validates with the same keys; the newest signs, all listed ones validate (room for rotation).
/// </summary>
public sealed class SigningKey
{
    public string Id { get; private set; } = "";
    public byte[] Secret { get; private set; } = [];
    public DateTime CreatedAt { get; private set; }

    private SigningKey()
    {
    }

    public static SigningKey Create(byte[] secret, DateTime now) =>
        new() { Id = Guid.CreateVersion7(now).ToString("N"), Secret = secret, CreatedAt = now };
}
