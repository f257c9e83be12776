using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Forma.Data;
using Forma.Data.BackgroundJobs;
using Forma.Data.Blobs;
using Forma.Data.Tenancy;
using Forma.Testing;
using Forma.Web.Features.Activities.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static Forma.Web.Tests.Accounts.AuthClient;
using static Forma.Web.Tests.Activities.ActivityClient;

namespace Forma.Web.Tests.Activities;

/// <summary>Blobs belong to one tenant, go with what owns them, and are collected from disk after the grace period.</summary>
public class BlobOwnershipTests
{
    private const string Run = "fit/garmin-fenix-5-run.fit";
    private const string Tcx = "tcx/test.tcx";

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task TwoTenants_UploadingTheSameBytes_GetABlobEach_ThatOnlyTheirOwnScopeReads(DatabaseProvider provider)
    {
        await using var host = await WebHost.StartAsync(provider);
        var (a, b, stranger) = (await SignupAsync(host), await SignupAsync(host), await SignupAsync(host));
        foreach (var owner in new[] { a, b })
        {
            var token = owner.Text("accessToken");
            using var upload = await UploadAsync(host, token, await CreateAthleteAsync(host, token), Run);
            Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        }

        await RunDueJobsAsync(host);

        var sha = Sha256Of(Run);
        var copies = Directory.GetFiles(StorageRoot(host), sha, SearchOption.AllDirectories);
        Assert.Equal(2, copies.Length);
        Assert.Contains(BlobPath(host, Tenant(a), sha), copies);
        Assert.Contains(BlobPath(host, Tenant(b), sha), copies);
        Assert.True(ExistsFor(host, Tenant(b), sha));
        Assert.False(ExistsFor(host, Tenant(stranger), sha));
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Blobs_OfAnActivityDeletedPastItsRestoreWindow_AndOfAPurgedTenant_LeaveTheDiskAfterTheGracePeriod(DatabaseProvider provider)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var host = await WebHost.StartAsync(provider, clock: clock);
        var slug = "closing-" + Guid.NewGuid().ToString("N")[..8];
        var closing = await SignupAsync(host, subdomain: slug);
        var keeping = await SignupAsync(host);
        var closingToken = closing.Text("accessToken");
        var keepingToken = keeping.Text("accessToken");
        using (await UploadAsync(host, closingToken, await CreateAthleteAsync(host, closingToken), Run))
        {
        }

        var athlete = await CreateAthleteAsync(host, keepingToken);
        using (await UploadAsync(host, keepingToken, athlete, Run, Tcx))
        {
        }

        await RunDueJobsAsync(host);

        var activities = await ListAsync(host, keepingToken, athlete);
        var deleted = Assert.Single(activities, a => a.GetProperty("startTime").GetDateTime().Year == 2017).Text("id");
        Assert.Equal(HttpStatusCode.NoContent, (await Send(host, HttpMethod.Delete, $"/api/v1/activities/{deleted}", keepingToken)).StatusCode);
        var keptFiles = BlobsOf(host, Tenant(keeping));
        Assert.Equal(4, keptFiles.Count); // two originals, two decoded streams
        var closingFolder = Path.Combine(StorageRoot(host), "tenants", Tenant(closing).ToString("N"));
        using var closed = await Send(host, HttpMethod.Post, "/api/v1/tenant/close", closingToken,
            new { confirm = slug, password = Password });
        Assert.Equal(HttpStatusCode.Accepted, closed.StatusCode);

        // Within the restore window and before the purge everything stays.
        await CollectAsync(host);
        Assert.Equal(keptFiles, BlobsOf(host, Tenant(keeping)));
        Assert.True(Directory.Exists(closingFolder));

        // 30 days on: the business is purged, the deleted activity can no longer be restored.
        clock.Advance(TimeSpan.FromDays(30.1));
        await RunDueJobsAsync(host);
        await CollectAsync(host);
        var left = BlobsOf(host, Tenant(keeping));
        Assert.Equal(2, left.Count);
        Assert.DoesNotContain(Sha256Of(Run), left);
        Assert.Contains(Sha256Of(Tcx), left);
        Assert.True(Directory.Exists(closingFolder)); // the purged tenant's grace period starts now

        clock.Advance(TimeSpan.FromDays(1));
        await CollectAsync(host);
        Assert.True(Directory.Exists(closingFolder));
        clock.Advance(TimeSpan.FromDays(1.1));
        await CollectAsync(host);
        Assert.False(Directory.Exists(closingFolder));
        Assert.Equal(left, BlobsOf(host, Tenant(keeping)));
    }

    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task BlobsStoredBeforeTenantsOwnedThem_AreStillServed_ThenCopiedToTheirTenant_AndTheSharedFolderRetired(DatabaseProvider provider)
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var host = await WebHost.StartAsync(provider, clock: clock);
        var email = $"legacy-{Guid.NewGuid():N}@example.com";
        var owner = await SignupAsync(host, email: email);
        var token = owner.Text("accessToken");
        var athlete = await CreateAthleteAsync(host, token);
        using (await UploadAsync(host, token, athlete, Run))
        {
        }

        await RunDueJobsAsync(host);
        var run = Assert.Single(await ListAsync(host, token, athlete)).Text("id");
        var sha = Sha256Of(Run);
        var owned = BlobPath(host, Tenant(owner), sha);
        var shared = Path.Combine(StorageRoot(host), "sha256", sha[..2], sha[2..4], sha);
        Directory.CreateDirectory(Path.GetDirectoryName(shared)!);
        File.Move(owned, shared); // where the file sat before blobs had owners

        Assert.Equal(sha, await OriginalHashAsync(host, token, run));
        await CollectAsync(host);
        Assert.True(File.Exists(owned));
        Assert.True(File.Exists(shared));

        clock.Advance(TimeSpan.FromDays(2.1));
        await CollectAsync(host);
        Assert.False(Directory.Exists(Path.Combine(StorageRoot(host), "sha256")));
        using var signIn = await LoginAsync(host, email, Password); // the first access token expired with the days
        var fresh = (await signIn.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).Text("accessToken");
        Assert.Equal(sha, await OriginalHashAsync(host, fresh, run));
    }

    [Fact]
    public async Task Start_SweepsUnfinishedUploadsOlderThanADay_AndLeavesRecentOnesAndStoredBlobs()
    {
        var root = Directory.CreateTempSubdirectory("forma-blobs-").FullName;
        var incoming = Directory.CreateDirectory(Path.Combine(root, "incoming")).FullName;
        var crashed = Path.Combine(incoming, Guid.NewGuid().ToString("N"));
        var uploading = Path.Combine(incoming, Guid.NewGuid().ToString("N"));
        File.WriteAllBytes(crashed, [1, 2, 3]);
        File.WriteAllBytes(uploading, [4, 5, 6]);
        File.SetLastWriteTimeUtc(crashed, DateTime.UtcNow.AddHours(-25));
        File.SetLastWriteTimeUtc(uploading, DateTime.UtcNow.AddHours(-1));
        var stored = Path.Combine(root, "tenants", Guid.NewGuid().ToString("N"), "sha256", "ab", "cd", "abcd" + new string('0', 60));
        Directory.CreateDirectory(Path.GetDirectoryName(stored)!);
        File.WriteAllBytes(stored, [7]);
        File.SetLastWriteTimeUtc(stored, DateTime.UtcNow.AddDays(-100));

        await using var host = await WebHost.StartAsync(settings: new() { ["Storage:Path"] = root });

        Assert.False(File.Exists(crashed));
        Assert.True(File.Exists(uploading));
        Assert.True(File.Exists(stored));
    }

    private static async Task<string> OriginalHashAsync(WebHost host, string token, string activityId)
    {
        using var response = await Send(host, HttpMethod.Get, $"/api/v1/activities/{activityId}/original", token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Convert.ToHexStringLower(SHA256.HashData(await response.Content.ReadAsByteArrayAsync()));
    }

    private static async Task CollectAsync(WebHost host)
    {
        await using (var scope = host.OpenDb())
        {
            scope.Db.Enqueue(new CollectBlobs(), host.App.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            await scope.Db.SaveChangesAsync();
        }

        await RunDueJobsAsync(host);
    }

    private static async Task RunDueJobsAsync(WebHost host)
    {
        var runner = host.App.Services.GetRequiredService<JobRunner>();
        while (await runner.RunNextAsync(CancellationToken.None))
        {
        }
    }

    private static bool ExistsFor(WebHost host, Guid tenantId, string sha256)
    {
        using var scope = host.App.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenantId);
        return scope.ServiceProvider.GetRequiredService<BlobStore>().Exists(sha256);
    }

    private static SortedSet<string> BlobsOf(WebHost host, Guid tenantId)
    {
        var folder = Path.Combine(StorageRoot(host), "tenants", tenantId.ToString("N"));
        return new(Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(f => Path.GetFileName(f)) : [], StringComparer.Ordinal);
    }

    private static string BlobPath(WebHost host, Guid tenantId, string sha256) =>
        Path.Combine(StorageRoot(host), "tenants", tenantId.ToString("N"), "sha256", sha256[..2], sha256[2..4], sha256);

    private static string StorageRoot(WebHost host) => host.App.Services.GetRequiredService<IOptions<StorageOptions>>().Value.Path;

    private static Guid Tenant(System.Text.Json.JsonElement signup) => Guid.Parse(signup.Text("tenantId"));

    private static string Sha256Of(string fixture) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(SharedFixtures.Path(fixture))));
}
