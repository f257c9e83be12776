using Forma.Core.People;

namespace Forma.Core.Tests.People;

public class InvitationRulesTests
{
    // The rule: owners invite admins and coaches, coaches invite athletes; staff also bring in
    // guardians; nobody invites an owner, and clients invite nobody.
    [Theory]
    [InlineData(Role.Owner, Role.Admin, true)]
    [InlineData(Role.Owner, Role.Coach, true)]
    [InlineData(Role.Owner, Role.Athlete, true)]
    [InlineData(Role.Owner, Role.Guardian, true)]
    [InlineData(Role.Owner, Role.Owner, false)]
    [InlineData(Role.Admin, Role.Admin, false)]
    [InlineData(Role.Admin, Role.Coach, true)]
    [InlineData(Role.Coach, Role.Coach, false)]
    [InlineData(Role.Coach, Role.Admin, false)]
    [InlineData(Role.Coach, Role.Athlete, true)]
    [InlineData(Role.Coach, Role.Guardian, true)]
    [InlineData(Role.Athlete, Role.Athlete, false)]
    [InlineData(Role.Guardian, Role.Athlete, false)]
    public void MayInvite_FollowsTheRoleLadder(Role inviter, Role invitee, bool allowed) =>
        Assert.Equal(allowed, Invitation.MayInvite(inviter, invitee));

    [Fact]
    public void GuardianInvitation_NamesTheirDependent_AndStaffInvitationsNameNoAthlete()
    {
        var now = new DateTime(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc);
        var owner = Membership.Create(Guid.NewGuid(), Guid.NewGuid(), Role.Owner, now);
        Assert.Equal("dependent-required", Assert.Throws<DomainException>(() => Invitation.Create(owner.TenantId, "p@example.com", Role.Guardian, null, owner, "h", now)).Code);
        Assert.Equal("athlete-not-allowed", Assert.Throws<DomainException>(() => Invitation.Create(owner.TenantId, "c@example.com", Role.Coach, Guid.NewGuid(), owner, "h", now)).Code);

        var invitation = Invitation.Create(owner.TenantId, " Ana@Example.COM ", Role.Athlete, null, owner, "h", now);
        Assert.Equal("ana@example.com", invitation.Email);
        Assert.True(invitation.IsPendingAt(now.AddDays(7).AddSeconds(-1)));
        Assert.False(invitation.IsPendingAt(now.AddDays(7)));
        invitation.Revoke(now);
        Assert.False(invitation.IsPendingAt(now));
    }
}
