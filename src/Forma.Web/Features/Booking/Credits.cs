using Forma.Core;
using Forma.Core.Booking;
using Forma.Data;
using Forma.Data.Concurrency;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>
/// Paying a booking with a package's sessions, exactly under concurrency: the booking's transaction first locks the
/// package row (<see cref="TransactionLocks"/>), then counts the sessions used
/// in the appointment's period and records the use — two bookings cannot both take the last one.
/// </summary>
internal static class Credits
{
    /// <summary>Holds the package row until commit; the booking transaction takes it before any other lock.</summary>
    public static Task LockAsync(FormaDbContext db, Guid clientPackageId, CancellationToken cancellationToken) =>
        TransactionLocks.RowAsync<ClientPackage>(db, clientPackageId, cancellationToken);

    /// <summary>Counts and records the sessions (refusing, per <see cref="BookingPolicy.EnsurePackageCovers"/>, when they do not suffice); call inside the booking's transaction after <see cref="LockAsync"/>.</summary>
    public static async Task TakeAsync(FormaDbContext db, Guid clientPackageId, ClientBooking booking, Guid serviceId, DateOnly date, DateTime now, CancellationToken cancellationToken)
    {
        var package = await db.ClientPackages.AsNoTracking().SingleOrDefaultAsync(p => p.Id == clientPackageId, cancellationToken);
        if (package is null || package.Client != booking.Client)
        {
            throw DomainException.Rule("package-not-found", "This client holds no such package.");
        }

        var period = package.PeriodOf(date);
        var used = await db.CreditUses.Where(u => u.ClientPackageId == clientPackageId && u.PeriodStart == period && u.ReturnedAt == null).SumAsync(u => u.Seats, cancellationToken);
        BookingPolicy.EnsurePackageCovers(package, serviceId, date, used, booking.Seats);
        db.CreditUses.Add(CreditUse.Take(package, booking.Id, booking.Seats, date, now));
        booking.PaidWith(package.Id);
    }

    /// <summary>A cancellation within the policy gives the sessions back.</summary>
    public static Task<int> ReturnAsync(FormaDbContext db, Guid bookingId, DateTime now, CancellationToken cancellationToken) =>
        db.CreditUses.Where(u => u.BookingId == bookingId && u.ReturnedAt == null).ExecuteUpdateAsync(set => set.SetProperty(u => u.ReturnedAt, now), cancellationToken);
}
