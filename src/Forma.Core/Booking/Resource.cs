using Forma.Core.Tenancy;

namespace Forma.Core.Booking;

/// <summary>
/// Something an appointment occupies besides a person: a room, a court, a grooming table, a van. <see cref="Units"/>
/// is how many appointments it can host at once — 1 for a room, 3 for three identical treadmills kept as one
/// resource. Archived resources stay for past appointments and are never allocated again.
/// </summary>
public sealed class Resource : ITenantOwned
{
    public const int NameMaxLength = 200;

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Type { get; private set; } = "";
    public int Units { get; private set; }
    public bool Archived { get; private set; }
    public DateTime CreatedAt { get; private set; }

    private Resource()
    {
    }

    public static Resource Create(Guid tenantId, string name, string type, int units, DateTime now)
    {
        var resource = new Resource { TenantId = tenantId, Id = Guid.CreateVersion7(now), CreatedAt = now };
        resource.Define(name, type, units);
        return resource;
    }

    public void Define(string name, string type, int units)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength)
        {
            throw new DomainException("invalid-name", $"1 to {NameMaxLength} characters.", "name");
        }

        ServiceTerms.RequireTags([type], "type");
        if (units is < 1 or > 1000)
        {
            throw new DomainException("invalid-units", "Between 1 and 1000 appointments at once.", "units");
        }

        Name = name.Trim();
        Type = ServiceTerms.Normalize([type])[0];
        Units = units;
    }

    public void Archive() => Archived = true;
}
