namespace Forma.Core.Accounts;

/// <summary>
/// A single-use code that stands in for the authenticator when it is lost. Belongs to the person (global),
/// not to a business. Only a SHA-256 of the code is stored.
/// </summary>
public sealed class RecoveryCode
{
    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public string CodeHash { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? UsedAt { get; private set; }

    private RecoveryCode()
    {
    }

    public static RecoveryCode Create(Guid userId, string codeHash, DateTime now) =>
        new() { Id = Guid.CreateVersion7(now), UserId = userId, CodeHash = codeHash, CreatedAt = now };
}
