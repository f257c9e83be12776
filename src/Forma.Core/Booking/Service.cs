using Forma.Core.Tenancy;

namespace Forma.Core.Booking;

/// <summary>
/// Something a business sells by the slot: a private session (capacity 1) or a class (capacity N), with the
/// buffers kept free around it, what it needs (staff skills, resources, participant credentials), when it may be
/// booked, and what cancelling late or not showing up costs. Archived services stay for past appointments.
/// </summary>
public sealed class Service : ITenantOwned
{
    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string? Description { get; private set; }
    public int DurationMinutes { get; private set; }
    public int BufferBeforeMinutes { get; private set; }
    public int BufferAfterMinutes { get; private set; }
    public int Capacity { get; private set; }
    public int SlotStepMinutes { get; private set; }
    public long PriceMinor { get; private set; }
    public long DepositMinor { get; private set; }
    public string Currency { get; private set; } = "";
    public List<string> RequiredSkills { get; private set; } = [];
    public List<string> RequiredResourceTypes { get; private set; } = [];
    public List<string> RequiredCredentials { get; private set; } = [];
    public int MinimumNoticeMinutes { get; private set; }
    public int MaximumDaysAhead { get; private set; }
    public int FreeCancellationHours { get; private set; }
    public long LateCancellationFeeMinor { get; private set; }
    public long NoShowFeeMinor { get; private set; }
    public bool Archived { get; private set; }
    public DateTime CreatedAt { get; private set; }

    private Service()
    {
    }

    public static Service Create(Guid tenantId, ServiceTerms terms, DateTime now)
    {
        var service = new Service { TenantId = tenantId, Id = Guid.CreateVersion7(now), CreatedAt = now };
        service.Define(terms);
        return service;
    }

    /// <summary>New terms apply to bookings made from now on; existing appointments keep the price and times they were booked with.</summary>
    public void Define(ServiceTerms terms)
    {
        var t = terms.Validated();
        Name = t.Name;
        Description = t.Description;
        DurationMinutes = t.DurationMinutes;
        BufferBeforeMinutes = t.BufferBeforeMinutes;
        BufferAfterMinutes = t.BufferAfterMinutes;
        Capacity = t.Capacity;
        SlotStepMinutes = t.SlotStepMinutes;
        PriceMinor = t.PriceMinor;
        DepositMinor = t.DepositMinor;
        Currency = t.Currency;
        RequiredSkills = [.. t.RequiredSkills];
        RequiredResourceTypes = [.. t.RequiredResourceTypes];
        RequiredCredentials = [.. t.RequiredCredentials];
        MinimumNoticeMinutes = t.MinimumNoticeMinutes;
        MaximumDaysAhead = t.MaximumDaysAhead;
        FreeCancellationHours = t.FreeCancellationHours;
        LateCancellationFeeMinor = t.LateCancellationFeeMinor;
        NoShowFeeMinor = t.NoShowFeeMinor;
    }

    public void Archive() => Archived = true;

    public TimeSpan Duration => TimeSpan.FromMinutes(DurationMinutes);
    public TimeSpan BufferBefore => TimeSpan.FromMinutes(BufferBeforeMinutes);
    public TimeSpan BufferAfter => TimeSpan.FromMinutes(BufferAfterMinutes);
}
