using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Forma.Web.Features.Accounts;

/// <summary>
/// Time-based one-time passwords as authenticator apps compute them: RFC 6238 over RFC 4226 (HOTP) with
/// HMAC-SHA1, 30-second steps and 6 digits — the parameters Google Authenticator, 1Password and others
/// assume when the otpauth URI leaves them out. One step either side is accepted for clock drift.
/// </summary>
public static class Totp
{
    public const int Digits = 6;
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / (long)Step.TotalSeconds;

    /// <summary>RFC 4226 §5.3: HMAC the big-endian counter, dynamically truncate, keep the last <paramref name="digits"/> digits.</summary>
    public static string Code(byte[] secret, long step, int digits = Digits)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        // SHA-1 is what RFC 6238 and every authenticator app default to; as an HMAC over a 160-bit random
        // secret it is not weakened by SHA-1's collision attacks.
#pragma warning disable CA5350
        HMACSHA1.HashData(secret, counter, hash);
#pragma warning restore CA5350
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        var modulo = (int)Math.Pow(10, digits);
        return (binary % modulo).ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }

    /// <summary>The step whose code matches, trying the current one and one either side; null when none does.</summary>
    public static long? MatchingStep(byte[] secret, string? code, DateTimeOffset now)
    {
        var candidate = code?.Replace(" ", "", StringComparison.Ordinal) ?? "";
        if (candidate.Length != Digits)
        {
            return null;
        }

        var current = StepAt(now);
        foreach (var step in new[] { current, current - 1, current + 1 })
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Code(secret, step)), Encoding.ASCII.GetBytes(candidate)))
            {
                return step;
            }
        }

        return null;
    }

    /// <summary>RFC 4648 base32 without padding, the form authenticator apps accept.</summary>
    public static string Base32(byte[] data)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new StringBuilder((data.Length * 8 + 4) / 5);
        int buffer = 0, bits = 0;
        foreach (var b in data)
        {
            buffer = (buffer << 8) | b;
            bits += 8;
            while (bits >= 5)
            {
                output.Append(Alphabet[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }

        if (bits > 0)
        {
            output.Append(Alphabet[(buffer << (5 - bits)) & 31]);
        }

        return output.ToString();
    }
}
