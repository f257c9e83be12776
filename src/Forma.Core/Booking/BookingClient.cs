namespace Forma.Core.Booking;

/// <summary>
/// Who books and pays: an athlete (an adult client, with or without a login) or a guardian's membership (a parent,
/// a team manager, a pet owner booking for dependents). Exactly one is set; bookings, credits and ledger entries
/// belong to it.
/// </summary>
public sealed record BookingClient(Guid? AthleteId, Guid? GuardianMembershipId)
{
    public static BookingClient Athlete(Guid athleteId) => new(athleteId, null);

    public static BookingClient Guardian(Guid membershipId) => new(null, membershipId);
}
