using Forma.Core.Tenancy;

namespace Forma.Core.People;

/// <summary>A person's role in one tenant. A session acts for one membership at a time.</summary>
public sealed class Membership : ITenantOwned
{
    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }
    public Role Role { get; private set; }
    public DateTime CreatedAt { get; private set; }

    private Membership()
    {
    }

    public static Membership Create(Guid tenantId, Guid userId, Role role, DateTime createdAt) => new()
    {
        TenantId = tenantId,
        Id = Guid.CreateVersion7(createdAt),
        UserId = userId,
        Role = role,
        CreatedAt = createdAt,
    };

    public void ChangeRole(Role role) => Role = role;

    /// <summary>Owners, admins and coaches: the people who work for the business rather than its clients.</summary>
    public bool IsStaff => Role is Role.Owner or Role.Admin or Role.Coach;
}
