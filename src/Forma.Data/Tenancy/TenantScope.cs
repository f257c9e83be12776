using Forma.Core.Tenancy;

namespace Forma.Data.Tenancy;

/// <summary>
/// The tenant of one DI scope (an HTTP request, a job). It is set once, by the request's tenant
/// resolution or by the job runner, and cannot be switched afterwards: a scope that acted for one
/// tenant never acts for another.
/// </summary>
public sealed class TenantScope : ICurrentTenant
{
    public Guid? TenantId { get; private set; }

    public void Enter(Guid tenantId)
    {
        if (tenantId == Guid.Empty)
        {
            throw new ArgumentException("A tenant id cannot be empty.", nameof(tenantId));
        }

        if (TenantId is { } current && current != tenantId)
        {
            throw new TenantIsolationException($"This scope already acts for tenant {current}; it cannot switch to {tenantId}.");
        }

        TenantId = tenantId;
    }
}
