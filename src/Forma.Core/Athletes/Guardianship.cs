using Forma.Core.Tenancy;

namespace Forma.Core.Athletes;

/// <summary>
/// A guardian (parent, team manager, pet owner) manages an athlete: sees their record and, once booking
/// exists, books for them. Both ends live in the same tenant; the keys lead with tenant_id.
/// </summary>
public sealed class Guardianship : ITenantOwned
{
    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid AthleteId { get; private set; }
    public Guid GuardianMembershipId { get; private set; }
    public DateTime CreatedAt { get; private set; }

    private Guardianship()
    {
    }

    public static Guardianship Create(Guid tenantId, Guid athleteId, Guid guardianMembershipId, DateTime now) => new()
    {
        TenantId = tenantId,
        Id = Guid.CreateVersion7(now),
        AthleteId = athleteId,
        GuardianMembershipId = guardianMembershipId,
        CreatedAt = now,
    };
}
