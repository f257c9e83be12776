using Forma.Core.Tenancy;

namespace Forma.Core.People;

/// <summary>
/// An emailed offer to join a business in a role. Single-use and expiring; only the hash of its secret is
/// stored. Accepting creates the person's account or links an existing one, adds the membership and, for
/// athletes and guardians, links the athlete record the invitation names.
/// </summary>
public sealed class Invitation : ITenantOwned
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }

    /// <summary>Normalised like <see cref="User.Email"/>; only the person reading this inbox gets the link.</summary>
    public string Email { get; private set; } = "";
    public Role Role { get; private set; }

    /// <summary>For an athlete, the record their login takes over (null: one is created); for a guardian, their dependent.</summary>
    public Guid? AthleteId { get; private set; }
    public Guid InvitedByUserId { get; private set; }
    public Guid InvitedByMembershipId { get; private set; }
    public string TokenHash { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime ExpiresAt { get; private set; }
    public DateTime? AcceptedAt { get; private set; }
    public Guid? AcceptedByUserId { get; private set; }
    public DateTime? RevokedAt { get; private set; }

    private Invitation()
    {
    }

    /// <summary>
    /// Who may invite whom: owners and admins bring in staff, staff bring in athletes and guardians. Nobody
    /// invites an owner — ownership changes hands by changing a member's role, which only owners do.
    /// </summary>
    public static bool MayInvite(Role inviter, Role invitee) => (inviter, invitee) switch
    {
        (Role.Owner, Role.Admin or Role.Coach or Role.Athlete or Role.Guardian) => true,
        (Role.Admin, Role.Coach or Role.Athlete or Role.Guardian) => true,
        (Role.Coach, Role.Athlete or Role.Guardian) => true,
        _ => false,
    };

    public static Invitation Create(Guid tenantId, string email, Role role, Guid? athleteId, Membership invitedBy, string tokenHash, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(invitedBy);
        if (role == Role.Guardian && athleteId is null)
        {
            throw new DomainException("dependent-required", "A guardian is invited for an athlete; name the athlete.", "athleteId");
        }

        if (role is not (Role.Athlete or Role.Guardian) && athleteId is not null)
        {
            throw new DomainException("athlete-not-allowed", "Only athlete and guardian invitations name an athlete.", "athleteId");
        }

        return new Invitation
        {
            TenantId = tenantId,
            Id = Guid.CreateVersion7(now),
            Email = EmailAddress.Normalize(email),
            Role = role,
            AthleteId = athleteId,
            InvitedByUserId = invitedBy.UserId,
            InvitedByMembershipId = invitedBy.Id,
            TokenHash = tokenHash,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        };
    }

    public bool IsPendingAt(DateTime now) => AcceptedAt is null && RevokedAt is null && ExpiresAt > now;

    public void Revoke(DateTime now) => RevokedAt ??= now;
}
