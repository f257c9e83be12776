namespace Forma.Core.Tenancy;

public enum TenantStatus
{
    Active,
    Suspended,
    Closed,
}
