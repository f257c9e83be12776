using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Forma.Web.Features.Billing;

/// <summary>
/// Stripe's webhook signature: the <c>Stripe-Signature</c> header carries <c>t=</c> (Unix seconds) and one or more
/// <c>v1=</c> values, each HMAC-SHA256 of <c>"{t}.{raw body}"</c> under a signing secret, in lower-case hex. Any
/// <c>v1</c> matching any configured secret passes (rotation: the provider signs with old and new for a while), if
/// <c>t</c> lies within the tolerance of now — which stops a captured delivery from being replayed later.
/// </summary>
public static class WebhookSignature
{
    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> payload)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + payload.Length];
        prefix.CopyTo(signed, 0);
        payload.CopyTo(signed.AsSpan(prefix.Length));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>Null when the header verifies; otherwise why not, in words fit for the sender.</summary>
    public static string? Verify(string? header, ReadOnlySpan<byte> payload, IReadOnlyList<string> secrets, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(header))
        {
            return "The Stripe-Signature header is missing.";
        }

        long? timestamp = null;
        var signatures = new List<byte[]>();
        foreach (var part in header.Split(','))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2)
            {
                continue;
            }

            if (pair[0].Trim() == "t" && long.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var t))
            {
                timestamp = t;
            }
            else if (pair[0].Trim() == "v1" && pair[1].Length == 64 && IsHex(pair[1]))
            {
                signatures.Add(Convert.FromHexString(pair[1]));
            }
        }

        if (timestamp is not { } at || signatures.Count == 0)
        {
            return "The Stripe-Signature header has no timestamp or no v1 signature.";
        }

        if (Math.Abs(now.ToUnixTimeSeconds() - at) > tolerance.TotalSeconds)
        {
            return $"The signature's timestamp is more than {tolerance.TotalSeconds:0} seconds from now.";
        }

        foreach (var secret in secrets)
        {
            var expected = Convert.FromHexString(Sign(secret, at, payload));
            if (signatures.Any(s => CryptographicOperations.FixedTimeEquals(s, expected)))
            {
                return null;
            }
        }

        return "No v1 signature matches a configured signing secret.";
    }

    private static bool IsHex(string value) => value.All(char.IsAsciiHexDigit);
}
