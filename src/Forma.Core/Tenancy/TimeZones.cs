namespace Forma.Core.Tenancy;

/// <summary>IANA time zone ids are checked against the zones the runtime knows, so a typo fails at the door.</summary>
public static class TimeZones
{
    public static string Require(string? id, string field)
    {
        if (string.IsNullOrWhiteSpace(id) || !TimeZoneInfo.TryFindSystemTimeZoneById(id, out _))
        {
            throw new DomainException("invalid-time-zone", $"'{id}' is not a known IANA time zone.", field);
        }

        return id;
    }
}
