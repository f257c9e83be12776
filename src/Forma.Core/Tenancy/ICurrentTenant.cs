namespace Forma.Core.Tenancy;

/// <summary>The tenant the current unit of work acts for, or null when it acts for none.</summary>
public interface ICurrentTenant
{
    Guid? TenantId { get; }
}
