using Forma.Core.Athletes;
using Forma.Core.People;

namespace Forma.Core.Tests.People;

public class AthleteTests
{
    private static readonly DateTime Now = new(2026, 11, 22, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void AssignCoach_FromAnotherTenant_IsRefused()
    {
        var athlete = Athlete.Create(Guid.NewGuid(), "Ada", "Lovelace", Now);
        var foreignCoach = Membership.Create(Guid.NewGuid(), Guid.NewGuid(), Role.Coach, Now);

        Assert.Equal("coach-not-found", Assert.Throws<DomainException>(() => athlete.AssignCoach(foreignCoach)).Code);
        Assert.Null(athlete.CoachMembershipId);
    }

    [Theory]
    [InlineData("", "Lovelace", "firstName")]
    [InlineData("Ada", "   ", "lastName")]
    public void Create_WithABlankName_NamesTheField(string first, string last, string field)
    {
        Assert.Equal(field, Assert.Throws<DomainException>(() => Athlete.Create(Guid.NewGuid(), first, last, Now)).Field);
    }

    [Fact]
    public void Create_WithANameOverTheLimit_IsRefused()
    {
        Assert.Throws<DomainException>(() => Athlete.Create(Guid.NewGuid(), new string('a', Athlete.NameMaxLength + 1), "X", Now));
    }
}
