using Forma.Core.Tenancy;

namespace Forma.Core.Booking;

/// <summary>
/// The secret behind a client's calendar feed: the appointments an athlete, or a guardian paying for dependents,
/// has booked, for their phone's calendar. One per client; replacing the token revokes every old subscription.
/// </summary>
public sealed class ClientCalendarFeed : ITenantOwned
{
    public Guid TenantId { get; private set; }
    public Guid Id { get; private set; }
    public Guid? ClientAthleteId { get; private set; }
    public Guid? ClientMembershipId { get; private set; }
    public string Token { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? RotatedAt { get; private set; }

    private ClientCalendarFeed()
    {
    }

    public static ClientCalendarFeed Create(Guid tenantId, BookingClient client, string token, DateTime now) => new()
    {
        TenantId = tenantId,
        Id = Guid.CreateVersion7(now),
        ClientAthleteId = client.AthleteId,
        ClientMembershipId = client.GuardianMembershipId,
        Token = token,
        CreatedAt = now,
    };

    public BookingClient Client => new(ClientAthleteId, ClientMembershipId);

    public void Rotate(string token, DateTime now)
    {
        Token = token;
        RotatedAt = now;
    }
}
