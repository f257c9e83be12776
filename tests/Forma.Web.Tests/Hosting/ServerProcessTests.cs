using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Tests.Hosting;

/// <summary>The server binary as the README starts it: embedded SQLite, demo data on request, JSON logs on stdout.</summary>
public partial class ServerProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("forma-process-").FullName;

    private string DatabaseSetting => $"--Database:ConnectionString=Data Source={Path.Combine(_folder, "forma.db")}";

    [Fact]
    public async Task SeededServer_IsReadyWithin30Seconds_PrintsSignInDetails_AndLogsJsonWithRequestAndTenantIds()
    {
        var clock = Stopwatch.StartNew();
        using var server = ServerProcess.Start("--seed-demo", DatabaseSetting, "--Logging:LogLevel:Microsoft.AspNetCore=Information");
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{server.Port}") };

        await WaitForReadyAsync(server, client, TimeSpan.FromSeconds(30));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"ready after {clock.Elapsed}");

        var tenant = await client.GetFromJsonAsync<JsonElement>("/t/demo/api/v1/tenant");
        Assert.Equal("Forma Demo Studio", tenant.GetProperty("displayName").GetString());
        var tenantId = tenant.GetProperty("id").GetString();

        var passwords = Output(server).Select(line => PasswordPattern().Match(line)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(4, passwords.Count);

        // The printed sign-in details work.
        using var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email = "owner@demo.forma.test", password = passwords[0] });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Equal("Owner", (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString());

        var requestLine = await WaitForLineAsync(server, line => line.Contains("Executing endpoint", StringComparison.Ordinal) && line.Contains("/api/v1/tenant", StringComparison.Ordinal));
        var scopes = JsonDocument.Parse(requestLine).RootElement.GetProperty("Scopes").EnumerateArray().ToList();
        Assert.Contains(scopes, s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("RequestId", out _));
        Assert.Contains(scopes, s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("TenantId", out var id) && id.GetString() == tenantId);

        foreach (var line in Output(server).Where(l => l.StartsWith('{')))
        {
            var entry = JsonDocument.Parse(line).RootElement;
            Assert.True(entry.TryGetProperty("Timestamp", out _) && entry.TryGetProperty("LogLevel", out _) && entry.TryGetProperty("Category", out _), line);
            Assert.DoesNotContain(passwords, line.Contains);
        }
    }

    [Fact]
    public async Task MigrateCommand_CreatesTheSchemaAndExits()
    {
        var exitCode = await ServerProcess.RunToEndAsync(TimeSpan.FromSeconds(60), "migrate", DatabaseSetting);

        Assert.Equal(0, exitCode);
        await using var db = DatabaseMigrator.CreateOwnerContext(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(_folder, "forma.db")};Pooling=False");
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    private static List<string> Output(ServerProcess server) => [.. server.Output];

    private static async Task WaitForReadyAsync(ServerProcess server, HttpClient client, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            Assert.False(server.HasExited, "the server exited:\n" + string.Join('\n', Output(server)));
            try
            {
                using var response = await client.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        Assert.Fail($"not ready within {timeout}:\n" + string.Join('\n', Output(server)));
    }

    private static async Task<string> WaitForLineAsync(ServerProcess server, Func<string, bool> predicate)
    {
        for (var i = 0; i < 100; i++)
        {
            if (Output(server).FirstOrDefault(predicate) is { } line)
            {
                return line;
            }

            await Task.Delay(50);
        }

        Assert.Fail("no such log line:\n" + string.Join('\n', Output(server)));
        return "";
    }

    [GeneratedRegex(@"password: (\S+)")]
    private static partial Regex PasswordPattern();
}
