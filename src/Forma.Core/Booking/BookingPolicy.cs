namespace Forma.Core.Booking;

/// <summary>
/// A service's booking terms applied to one booking: when it may be booked, what cancelling or not showing up costs,
/// and whether a package still has the sessions to pay for it. Pure rules — the use cases read the rows, ask here,
/// then write — so the API, the pages and the jobs charge the same fee for the same minute.
/// </summary>
public static class BookingPolicy
{
    /// <summary>
    /// Refuses a start in the past, inside the notice period or beyond the horizon, and more people than seats,
    /// before anything is read for update.
    /// </summary>
    public static void EnsureBookable(Service service, DateTime start, DateTime now, int participants)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (participants > service.Capacity)
        {
            throw DomainException.Invalid("participantIds", $"This service takes at most {service.Capacity} participants per appointment.");
        }

        if (start < now)
        {
            throw DomainException.Invalid("start", "Lies in the past.");
        }

        if (start < now.AddMinutes(service.MinimumNoticeMinutes))
        {
            throw DomainException.Invalid("start", $"This service is booked at least {service.MinimumNoticeMinutes} minutes ahead.");
        }

        if (start > now.AddDays(service.MaximumDaysAhead))
        {
            throw DomainException.Invalid("start", $"This service is booked at most {service.MaximumDaysAhead} days ahead.");
        }
    }

    /// <summary>Cancelled after the free window (the service's hours before the start) — the fee applies and package sessions are not returned.</summary>
    public static bool IsLateCancellation(Service service, DateTime startsAt, DateTime now) =>
        now > startsAt.AddHours(-service.FreeCancellationHours);

    /// <summary>
    /// The fee for cancelling now: the service's late fee per seat, never more than the booking's price; nothing within
    /// the free window, and nothing in money for a booking paid with a package (it pays with its session instead).
    /// </summary>
    public static long CancellationFee(Service service, ClientBooking booking, DateTime startsAt, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(booking);
        if (now >= startsAt)
        {
            throw DomainException.Rule("appointment-started", "This appointment has begun; mark attendance instead.");
        }

        return IsLateCancellation(service, startsAt, now) && booking.ClientPackageId is null
            ? Math.Min(service.LateCancellationFeeMinor * booking.Seats, booking.PriceMinor)
            : 0;
    }

    /// <summary>The no-show fee (per seat, capped at the price; none for a package booking), or null for attended. Marked only once the appointment began.</summary>
    public static long? AttendanceFee(Service service, ClientBooking booking, BookingStatus status, DateTime startsAt, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(booking);
        if (status is not (BookingStatus.Attended or BookingStatus.NoShow))
        {
            throw DomainException.Invalid("status", "Attended or NoShow.");
        }

        if (now < startsAt)
        {
            throw DomainException.Rule("appointment-not-started", "Attendance is marked once the appointment has begun.");
        }

        return status == BookingStatus.NoShow && booking.ClientPackageId is null ? Math.Min(service.NoShowFeeMinor * booking.Seats, booking.PriceMinor) : null;
    }

    /// <summary>
    /// Whether <paramref name="package"/> can pay <paramref name="seats"/> seats of <paramref name="serviceId"/> on
    /// <paramref name="date"/>, given the sessions already used in that date's period; refuses (422) saying why.
    /// </summary>
    public static void EnsurePackageCovers(ClientPackage package, Guid serviceId, DateOnly date, int usedInPeriod, int seats)
    {
        ArgumentNullException.ThrowIfNull(package);
        if (!package.Covers(serviceId))
        {
            throw DomainException.Rule("package-does-not-cover", $"'{package.Name}' does not cover this service.");
        }

        if (!package.ValidOn(date))
        {
            throw DomainException.Rule("package-expired", $"'{package.Name}' is valid from {package.ValidFrom:yyyy-MM-dd}{(package.ValidUntil is { } until ? $" through {until:yyyy-MM-dd}" : "")}, not on {date:yyyy-MM-dd}.");
        }

        if (usedInPeriod + seats > package.Sessions)
        {
            var period = package.PeriodOf(date);
            throw new DomainException(RefusalKind.Rule, "credits-exhausted",
                $"'{package.Name}' has {package.Sessions - usedInPeriod} of {package.Sessions} sessions left{(package.Kind == PackageKind.Membership ? $" in the month from {period:yyyy-MM-dd}" : "")}; this booking needs {seats}.",
                extensions: new Dictionary<string, object?> { ["remaining"] = package.Sessions - usedInPeriod });
        }
    }
}
