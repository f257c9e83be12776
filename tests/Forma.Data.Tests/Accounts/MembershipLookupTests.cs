using Forma.Core.People;
using Forma.Data.Accounts;
using Forma.Testing;
using static Forma.Data.Tests.Concurrency.LockSamples;

namespace Forma.Data.Tests.Accounts;

public class MembershipLookupTests
{
    /// <summary>Sign-in asks before any tenant is in scope: on PostgreSQL row-level security hides every membership then.</summary>
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task APersonInTwoBusinesses_IsFoundInBoth_WithNoTenantInScope(DatabaseProvider provider)
    {
        await using var host = await DataHost.StartAsync(provider);
        var now = host.Clock.GetUtcNow().UtcDateTime;
        var (first, _) = await AddTenantWithAthletesAsync(host, 0);
        var (second, _) = await AddTenantWithAthletesAsync(host, 0);
        var (other, _) = await AddTenantWithAthletesAsync(host, 0);
        var user = User.Create($"{Guid.NewGuid():N}@example.test", "Pat", "Person", now);
        var (platformScope, platform) = host.Scope();
        await using (platformScope)
        {
            platform.Users.Add(user);
            await platform.SaveChangesAsync();
        }

        foreach (var tenant in new[] { first, second })
        {
            var (scope, db) = host.Scope(tenant);
            await using (scope)
            {
                db.Memberships.Add(Membership.Create(tenant, user.Id, Role.Coach, now));
                await db.SaveChangesAsync();
            }
        }

        var (lookupScope, lookup) = host.Scope();
        await using (lookupScope)
        {
            Assert.Equal(new[] { first, second }.Order(), (await MembershipLookup.TenantsOfAsync(lookup, user.Id, CancellationToken.None)).Order());
            Assert.DoesNotContain(other, await MembershipLookup.TenantsOfAsync(lookup, user.Id, CancellationToken.None));
        }
    }
}
