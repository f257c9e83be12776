using Forma.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Forma.Data.Tests.DataProtection;

public class SharedKeyRingTests
{
    /// <summary>What one instance protects (a cookie, an antiforgery token), another instance can read: the key ring lives in the database.</summary>
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task Protect_OnOneInstance_UnprotectsOnAnother(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateMigratedAsync(provider);
        await using var first = DataHost.Start(database);
        await using var second = DataHost.Start(database);

        var sealedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("hello from instance one");
        var opened = second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(sealedText);

        Assert.Equal("hello from instance one", opened);
    }
}
