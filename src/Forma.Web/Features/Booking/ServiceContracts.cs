using System.ComponentModel.DataAnnotations;
using Forma.Core.Booking;
using Forma.Core.Validation;

namespace Forma.Web.Features.Booking;

/// <summary>A service as the API takes it; lists default to empty, money is in minor units (cents).</summary>
public sealed record ServiceRequest(
    string Name,
    [property: MultilineText] string? Description,
    [property: Range(5, 24 * 60)] int DurationMinutes,
    int BufferBeforeMinutes = 0,
    int BufferAfterMinutes = 0,
    int Capacity = 1,
    int? SlotStepMinutes = null,
    long PriceMinor = 0,
    long DepositMinor = 0,
    [property: RegularExpression("^[A-Z]{3}$")] string Currency = "EUR",
    IReadOnlyList<string>? RequiredSkills = null,
    IReadOnlyList<string>? RequiredResourceTypes = null,
    IReadOnlyList<string>? RequiredCredentials = null,
    int MinimumNoticeMinutes = 60,
    int MaximumDaysAhead = 90,
    int FreeCancellationHours = 24,
    long LateCancellationFeeMinor = 0,
    long NoShowFeeMinor = 0)
{
    /// <summary>Starts every 15 minutes unless the service says otherwise, or every duration when that is shorter.</summary>
    public ServiceTerms ToTerms() => new(
        Name, Description, DurationMinutes, BufferBeforeMinutes, BufferAfterMinutes, Capacity, SlotStepMinutes ?? Math.Min(15, Math.Max(5, DurationMinutes)),
        PriceMinor, DepositMinor, Currency, RequiredSkills ?? [], RequiredResourceTypes ?? [], RequiredCredentials ?? [],
        MinimumNoticeMinutes, MaximumDaysAhead, FreeCancellationHours, LateCancellationFeeMinor, NoShowFeeMinor);
}

public sealed record ServiceResponse(
    Guid Id, string Name, string? Description, int DurationMinutes, int BufferBeforeMinutes, int BufferAfterMinutes, int Capacity, int SlotStepMinutes,
    long PriceMinor, long DepositMinor, string Currency, IReadOnlyList<string> RequiredSkills, IReadOnlyList<string> RequiredResourceTypes,
    IReadOnlyList<string> RequiredCredentials, int MinimumNoticeMinutes, int MaximumDaysAhead, int FreeCancellationHours, long LateCancellationFeeMinor,
    long NoShowFeeMinor, bool Archived)
{
    public static ServiceResponse From(Service s) => new(
        s.Id, s.Name, s.Description, s.DurationMinutes, s.BufferBeforeMinutes, s.BufferAfterMinutes, s.Capacity, s.SlotStepMinutes, s.PriceMinor, s.DepositMinor,
        s.Currency, s.RequiredSkills, s.RequiredResourceTypes, s.RequiredCredentials, s.MinimumNoticeMinutes, s.MaximumDaysAhead, s.FreeCancellationHours,
        s.LateCancellationFeeMinor, s.NoShowFeeMinor, s.Archived);
}

public sealed record ResourceRequest(string Name, string Type, int Units = 1);

public sealed record ResourceResponse(Guid Id, string Name, string Type, int Units, bool Archived)
{
    public static ResourceResponse From(Resource r) => new(r.Id, r.Name, r.Type, r.Units, r.Archived);
}
