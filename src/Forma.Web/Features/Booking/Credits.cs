using Forma.Core.Booking;
using Forma.Data;
using Forma.Data.Concurrency;
using Forma.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
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

    /// <summary>Counts and records the sessions; call inside the booking's transaction after <see cref="LockAsync"/>.</summary>
    public static async Task<ProblemHttpResult?> TakeAsync(FormaDbContext db, Guid clientPackageId, ClientBooking booking, Guid serviceId, DateOnly date, DateTime now, CancellationToken cancellationToken)
    {
        var package = await db.ClientPackages.AsNoTracking().SingleOrDefaultAsync(p => p.Id == clientPackageId, cancellationToken);
        if (package is null || package.Client != booking.Client)
        {
            return Refuse("package-not-found", "This client holds no such package.");
        }

        if (!package.Covers(serviceId))
        {
            return Refuse("package-does-not-cover", $"'{package.Name}' does not cover this service.");
        }

        if (!package.ValidOn(date))
        {
            return Refuse("package-expired", $"'{package.Name}' is valid from {package.ValidFrom:yyyy-MM-dd}{(package.ValidUntil is { } until ? $" through {until:yyyy-MM-dd}" : "")}, not on {date:yyyy-MM-dd}.");
        }

        var period = package.PeriodOf(date);
        var used = await db.CreditUses.Where(u => u.ClientPackageId == clientPackageId && u.PeriodStart == period && u.ReturnedAt == null).SumAsync(u => u.Seats, cancellationToken);
        if (used + booking.Seats > package.Sessions)
        {
            var problem = Refuse("credits-exhausted", $"'{package.Name}' has {package.Sessions - used} of {package.Sessions} sessions left{(package.Kind == PackageKind.Membership ? $" in the month from {period:yyyy-MM-dd}" : "")}; this booking needs {booking.Seats}.");
            problem.ProblemDetails.Extensions["remaining"] = package.Sessions - used;
            return problem;
        }

        db.CreditUses.Add(CreditUse.Take(package, booking.Id, booking.Seats, date, now));
        booking.PaidWith(package.Id);
        return null;
    }

    /// <summary>A cancellation within the policy gives the sessions back.</summary>
    public static Task<int> ReturnAsync(FormaDbContext db, Guid bookingId, DateTime now, CancellationToken cancellationToken) =>
        db.CreditUses.Where(u => u.BookingId == bookingId && u.ReturnedAt == null).ExecuteUpdateAsync(set => set.SetProperty(u => u.ReturnedAt, now), cancellationToken);

    private static ProblemHttpResult Refuse(string code, string title) =>
        ProblemDetailsSetup.Problem(StatusCodes.Status422UnprocessableEntity, ProblemTypes.For(code), title);
}
