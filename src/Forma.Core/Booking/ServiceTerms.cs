namespace Forma.Core.Booking;

/// <summary>
/// Everything a business decides about a service, checked together because the rules relate (a deposit is part
/// of the price, a class needs more than one seat to be a class). Durations are whole minutes; money is in minor
/// units (cents) of <see cref="Currency"/>.
/// </summary>
public sealed record ServiceTerms(
    string Name,
    string? Description,
    int DurationMinutes,
    int BufferBeforeMinutes,
    int BufferAfterMinutes,
    int Capacity,
    int SlotStepMinutes,
    long PriceMinor,
    long DepositMinor,
    string Currency,
    IReadOnlyList<string> RequiredSkills,
    IReadOnlyList<string> RequiredResourceTypes,
    IReadOnlyList<string> RequiredCredentials,
    int MinimumNoticeMinutes,
    int MaximumDaysAhead,
    int FreeCancellationHours,
    long LateCancellationFeeMinor,
    long NoShowFeeMinor)
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
    public const int TagMaxLength = 50;
    public const int MaxTags = 20;

    /// <summary>Throws a <see cref="DomainException"/> naming the first field that breaks a rule.</summary>
    public ServiceTerms Validated()
    {
        Require(!string.IsNullOrWhiteSpace(Name) && Name.Trim().Length <= NameMaxLength, "name", $"1 to {NameMaxLength} characters.");
        Require(Description is null || Description.Length <= DescriptionMaxLength, "description", $"At most {DescriptionMaxLength} characters.");
        Require(DurationMinutes is >= 5 and <= 24 * 60, "durationMinutes", "Between 5 and 1440 minutes.");
        Require(BufferBeforeMinutes is >= 0 and <= 240, "bufferBeforeMinutes", "Between 0 and 240 minutes.");
        Require(BufferAfterMinutes is >= 0 and <= 240, "bufferAfterMinutes", "Between 0 and 240 minutes.");
        Require(Capacity is >= 1 and <= 500, "capacity", "Between 1 (a private session) and 500 seats.");
        Require(SlotStepMinutes is >= 5 and <= 24 * 60, "slotStepMinutes", "Between 5 and 1440 minutes.");
        Require(PriceMinor is >= 0 and <= 100_000_000, "priceMinor", "Between 0 and 100,000,000 minor units.");
        Require(DepositMinor >= 0 && DepositMinor <= PriceMinor, "depositMinor", "Between 0 and the price.");
        Require(Currency is { Length: 3 } && Currency.All(char.IsAsciiLetterUpper), "currency", "An ISO 4217 code in capitals, such as EUR.");
        RequireTags(RequiredSkills, "requiredSkills");
        RequireTags(RequiredResourceTypes, "requiredResourceTypes");
        RequireTags(RequiredCredentials, "requiredCredentials");
        Require(MinimumNoticeMinutes is >= 0 and <= 60 * 24 * 90, "minimumNoticeMinutes", "Between 0 and 129,600 minutes (90 days).");
        Require(MaximumDaysAhead is >= 1 and <= 730, "maximumDaysAhead", "Between 1 and 730 days.");
        Require(FreeCancellationHours is >= 0 and <= 24 * 90, "freeCancellationHours", "Between 0 and 2,160 hours.");
        Require(LateCancellationFeeMinor >= 0 && LateCancellationFeeMinor <= PriceMinor, "lateCancellationFeeMinor", "Between 0 and the price.");
        Require(NoShowFeeMinor >= 0 && NoShowFeeMinor <= PriceMinor, "noShowFeeMinor", "Between 0 and the price.");
        return this with
        {
            Name = Name.Trim(),
            RequiredSkills = Normalize(RequiredSkills),
            RequiredResourceTypes = Normalize(RequiredResourceTypes),
            RequiredCredentials = Normalize(RequiredCredentials),
        };
    }

    /// <summary>Skills, resource types and credential kinds are short lower-case tags, compared exactly.</summary>
    public static IReadOnlyList<string> Normalize(IReadOnlyList<string> tags) =>
        tags.Select(t => t.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    public static void RequireTags(IReadOnlyList<string>? tags, string field)
    {
        Require(tags is not null && tags.Count <= MaxTags, field, $"At most {MaxTags} entries.");
        Require(tags!.All(t => !string.IsNullOrWhiteSpace(t) && t.Trim().Length <= TagMaxLength), field, $"Each entry has 1 to {TagMaxLength} characters.");
    }

    private static void Require(bool condition, string field, string message)
    {
        if (!condition)
        {
            throw new DomainException("invalid-" + field, message, field);
        }
    }
}
