namespace Forma.Core.Tenancy;

/// <summary>
/// Marks an entity whose rows belong to one tenant. Its table leads its primary key and every foreign
/// key with <c>tenant_id</c>, the data layer filters it by the current tenant, refuses to write it for
/// another tenant, and PostgreSQL guards it with a row-level security policy. The isolation tests find
/// every implementation of this interface by themselves, so a new table is covered the day it is added.
/// </summary>
public interface ITenantOwned
{
    Guid TenantId { get; }
}
