using Forma.Core.Athletes;
using Forma.Core.Validation;

namespace Forma.Core.Tests.Validation;

public class DateRulesTests
{
    [Theory]
    [InlineData(1900, 1, 1)]
    [InlineData(2026, 12, 8)]
    [InlineData(2100, 12, 31)]
    public void Require_DatesFrom1900To2100_AreKept(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), DateRules.Require(new DateOnly(year, month, day), "date"));

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(1899, 12, 31)]
    [InlineData(2101, 1, 1)]
    [InlineData(9999, 12, 31)]
    public void Require_DatesOutside1900To2100_AreRefusedNamingTheField(int year, int month, int day)
    {
        var refused = Assert.Throws<DomainException>(() => DateRules.Require(new DateOnly(year, month, day), "to"));

        Assert.Equal(("invalid-date", "to"), (refused.Code, refused.Field));
    }

    [Fact]
    public void Require_AnInstantIsJudgedByItsUtcDate() =>
        Assert.Throws<DomainException>(() => DateRules.Require(new DateTimeOffset(2100, 12, 31, 23, 0, 0, TimeSpan.FromHours(-2)), "start"));

    [Fact]
    public void EnumRules_AnUndeclaredValueIsRefused()
    {
        Assert.Equal(Sex.Male, EnumRules.Require(Sex.Male, "sex"));
        var refused = Assert.Throws<DomainException>(() => EnumRules.Require((Sex)99, "sex"));
        Assert.Equal(("invalid-choice", "sex"), (refused.Code, refused.Field));
    }

    [Fact]
    public void Athlete_RefusesInvisibleCharactersInNamesAndAnUndeclaredSex()
    {
        var now = new DateTime(2026, 12, 8, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal("lastName", Assert.Throws<DomainException>(() => Athlete.Create(Guid.NewGuid(), "Ada", "Love\u202Elace", now)).Field);
        var athlete = Athlete.Create(Guid.NewGuid(), "Ada", "Lovelace", now);
        Assert.Equal("sex", Assert.Throws<DomainException>(() => athlete.SetSex((Sex)99)).Field);
    }
}
