using Forma.Core.Tenancy;

namespace Forma.Core.Booking;

/// <summary>
/// Something a participant (a person, a child, a pet) holds that a service may require: a signed waiver, a
/// medical clearance, a vaccination record. It is valid from <see cref="ValidFrom"/> through <see cref="ExpiresOn"/>
/// (no expiry when null), judged on the appointment's date.
/// </summary>
public sealed class Credential : ITenantOwned
{
    public const int NoteMaxLength = 500;

    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid AthleteId { get; private set; }
    public string Kind { get; private set; } = "";
    public DateOnly ValidFrom { get; private set; }
    public DateOnly? ExpiresOn { get; private set; }
    public string? Note { get; private set; }
    public DateTime CreatedAt { get; private set; }

    private Credential()
    {
    }

    public static Credential Create(Guid tenantId, Guid athleteId, string kind, DateOnly validFrom, DateOnly? expiresOn, string? note, DateTime now)
    {
        ServiceTerms.RequireTags([kind], "kind");
        if (expiresOn is { } expires && expires < validFrom)
        {
            throw new DomainException("invalid-expiresOn", "The expiry lies on or after the date it is valid from.", "expiresOn");
        }

        if (note is { Length: > NoteMaxLength })
        {
            throw new DomainException("invalid-note", $"At most {NoteMaxLength} characters.", "note");
        }

        return new Credential
        {
            TenantId = tenantId, Id = Guid.CreateVersion7(now), AthleteId = athleteId, Kind = ServiceTerms.Normalize([kind])[0],
            ValidFrom = validFrom, ExpiresOn = expiresOn, Note = note, CreatedAt = now,
        };
    }

    public bool ValidOn(DateOnly date) => ValidFrom <= date && (ExpiresOn is null || date <= ExpiresOn);
}
