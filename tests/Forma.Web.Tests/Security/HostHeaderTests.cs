using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Forma.Data;
using static Forma.Web.Tests.Accounts.AuthClient;
using static Forma.Web.Tests.Booking.BookingStudio;

namespace Forma.Web.Tests.Security;

/// <summary>A forged Host header never reaches an absolute URL the app hands out.</summary>
public class HostHeaderTests
{
    private const string ForgedHost = "evil.example";

    [Fact]
    public async Task CalendarFeedUrl_ComesFromThePublicUrl_NotTheHostHeader()
    {
        await using var studio = await OpenAsync(DatabaseProvider.Sqlite);
        var slug = await studio.SlugAsync();
        using var request = WithToken(HttpMethod.Get, $"/api/v1/staff/{studio.StaffId}/calendar-feed", studio.Owner);
        request.Headers.Host = ForgedHost;

        using var response = await studio.Host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The embedded run's address (appsettings Urls), the default of App:PublicUrl.
        Assert.StartsWith($"http://localhost:5080/t/{slug}/calendars/staff/", (await response.Content.ReadFromJsonAsync<JsonElement>()).Text("url"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PageRedirect_WithAForgedHost_StaysOnTheAddressTheBrowserUsed()
    {
        await using var host = await WebHost.StartAsync();
        var (_, slug) = await host.CreateTenantAsync();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = host.Client.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/t/{slug}/");
        request.Headers.Host = ForgedHost;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/t/{slug}/book", response.Headers.Location!.OriginalString);
    }
}
