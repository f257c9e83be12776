using BenchmarkDotNet.Attributes;
using Forma.Core.Athletes;
using Forma.Core.Tenancy;
using Forma.Data;
using Forma.Testing;
using Microsoft.EntityFrameworkCore;

namespace Forma.Benchmarks;

/// <summary>
/// What tenant isolation costs a typical read — one tenant's athlete list out of 20 tenants × 500 — through the
/// application's context (query filter, and on PostgreSQL the per-command SET LOCAL and the RLS policy)
/// against the same query by the schema owner with an explicit WHERE and no isolation machinery.
/// </summary>
[MemoryDiagnoser]
public class TenantQueryBenchmarks
{
    private const int Tenants = 20;
    private const int AthletesPerTenant = 500;
    private TestDatabase _database = null!;
    private Microsoft.Extensions.DependencyInjection.ServiceProvider _services = null!;
    private Guid _tenant;

    [ParamsSource(nameof(ProviderValues))]
    public DatabaseProvider Provider { get; set; }

    public static IEnumerable<DatabaseProvider> ProviderValues => BenchData.Providers;

    [GlobalSetup]
    public void Setup()
    {
        _database = TestDatabase.CreateMigratedAsync(Provider).GetAwaiter().GetResult();
        _services = BenchData.Services(_database);
        var now = DateTime.UtcNow;
        for (var t = 0; t < Tenants; t++)
        {
            var tenant = Tenant.Create($"Bench {t}", TenantSlug.Parse($"bench-{t}"), "pro", "UTC", now);
            var (scope, db) = BenchData.Scope(_services, null);
            using (scope)
            {
                db.Tenants.Add(tenant);
                db.SaveChanges();
            }

            var (tenantScope, tenantDb) = BenchData.Scope(_services, tenant.Id);
            using (tenantScope)
            {
                for (var a = 0; a < AthletesPerTenant; a++)
                {
                    tenantDb.Athletes.Add(Athlete.Create(tenant.Id, $"First{a}", $"Last{a:D4}", now));
                }

                tenantDb.SaveChanges();
            }

            _tenant = tenant.Id;
        }
    }

    [Benchmark(Baseline = true)]
    public async Task<int> OwnerWithExplicitWhere()
    {
        await using var db = DatabaseMigrator.CreateOwnerContext(Provider, _database.OwnerConnectionString);
        var rows = await db.Athletes.IgnoreQueryFilters().AsNoTracking().Where(a => a.TenantId == _tenant).OrderBy(a => a.LastName).Take(50).ToListAsync();
        return rows.Count;
    }

    [Benchmark]
    public async Task<int> ApplicationWithTenantIsolation()
    {
        var (scope, db) = BenchData.Scope(_services, _tenant);
        await using (scope)
        {
            var rows = await db.Athletes.AsNoTracking().OrderBy(a => a.LastName).Take(50).ToListAsync();
            return rows.Count;
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _services.Dispose();
        _database.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
