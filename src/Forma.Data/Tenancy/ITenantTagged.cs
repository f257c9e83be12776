namespace Forma.Data.Tenancy;

/// <summary>
/// A platform row that may act for one tenant (a job, a schedule) but is not tenant-owned: platform code
/// with no tenant in scope sees and writes all of them (the worker claims across tenants). Code acting for
/// a tenant sees only that tenant's, and may only write rows for it — otherwise a request of tenant A could
/// enqueue a job that the runner would then execute as tenant B.
/// </summary>
public interface ITenantTagged
{
    Guid? TenantId { get; }
}
