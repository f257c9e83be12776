using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Forma.Core.Accounts;

/// <summary>
/// Random secrets handed to people (reset links, invitations, API keys) and the form they are stored in.
/// The secrets carry 256 random bits, so a plain SHA-256 is enough to make a leaked table useless: there is
/// nothing to guess, unlike a password, which needs a slow salted hash.
/// </summary>
public static class SecretHash
{
    /// <summary>Characters in a <see cref="NewSecret"/>: 32 random bytes in unpadded base64url.</summary>
    public const int SecretLength = 43;

    /// <summary>Hex SHA-256 digests are this long.</summary>
    public const int HashLength = 64;

    public static string NewSecret() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static string Of(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
