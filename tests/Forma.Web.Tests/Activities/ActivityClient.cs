using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Forma.Testing;
using static Forma.Web.Tests.Accounts.AuthClient;

namespace Forma.Web.Tests.Activities;

/// <summary>The calls activity tests make over HTTP: an athlete to import for, uploads of fixtures, waiting for an import, the list.</summary>
internal static class ActivityClient
{
    public static async Task<string> CreateAthleteAsync(WebHost host, string token)
    {
        using var created = await Send(host, HttpMethod.Post, "/api/v1/athletes", token, new { firstName = "Imke", lastName = "Import" });
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).Text("id");
    }

    public static Task<HttpResponseMessage> UploadAsync(WebHost host, string token, string athleteId, params string[] fixtures)
    {
        var form = new MultipartFormDataContent();
        foreach (var fixture in fixtures)
        {
            var part = new ByteArrayContent(File.ReadAllBytes(SharedFixtures.Path(fixture)));
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, "files", Path.GetFileName(fixture));
        }

        var request = WithToken(HttpMethod.Post, $"/api/v1/athletes/{athleteId}/imports", token);
        request.Content = form;
        return host.Client.SendAsync(request);
    }

    public static async Task<JsonElement> WaitUntilDoneAsync(WebHost host, string token, string location)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var import = await (await Send(host, HttpMethod.Get, location, token)).Content.ReadFromJsonAsync<JsonElement>();
            if (import.Text("status") == "Done" || DateTime.UtcNow > deadline)
            {
                Assert.Equal("Done", import.Text("status"));
                return import;
            }

            await Task.Delay(100);
        }
    }

    public static async Task<List<JsonElement>> ListAsync(WebHost host, string token, string athleteId) =>
        (await (await Send(host, HttpMethod.Get, $"/api/v1/athletes/{athleteId}/activities", token)).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("items").EnumerateArray().ToList();
}
