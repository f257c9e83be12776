using System.Net.Http.Json;
using System.Text.Json;
using Forma.Web.Features.Accounts;
using static Forma.Web.Tests.Accounts.AuthClient;

namespace Forma.Web.Tests.Accounts;

/// <summary>An authenticator app, as tests play it: enrols over HTTP and computes codes.</summary>
internal static class Authenticator
{
    /// <summary>Enrols and confirms TOTP for the session; returns the secret and the recovery codes.</summary>
    public static async Task<(byte[] Secret, List<string> RecoveryCodes)> EnrolAsync(WebHost host, string accessToken, TimeProvider clock)
    {
        using var enrol = await Send(host, HttpMethod.Post, "/api/v1/auth/mfa/totp", accessToken, new { password = Password });
        var secret = Base32Decode((await enrol.Content.ReadFromJsonAsync<JsonElement>()).Text("secret"));
        var confirm = WithToken(HttpMethod.Post, "/api/v1/auth/mfa/totp/confirm", accessToken);
        confirm.Content = JsonContent.Create(new { code = Totp.Code(secret, Totp.StepAt(clock.GetUtcNow())) });
        using var confirmed = await host.Client.SendAsync(confirm);
        confirmed.EnsureSuccessStatusCode();
        var codes = (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToList();
        return (secret, codes);
    }

    /// <summary>RFC 4648 base32 decoding, written here independently of the code under test.</summary>
    public static byte[] Base32Decode(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text)
        {
            buffer = (buffer << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)((buffer >> (bits - 8)) & 0xff));
                bits -= 8;
            }
        }

        return [.. bytes];
    }
}
