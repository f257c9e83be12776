using Forma.Core.Booking;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>
/// Which bookings a caller may see and change: staff all of the business's; a client the bookings they pay for or
/// made, a guardian also any booking one of their dependents takes part in. Others answer 404.
/// </summary>
internal static class BookingVisibility
{
    public static IQueryable<ClientBooking> VisibleTo(this IQueryable<ClientBooking> bookings, Caller caller, FormaDbContext db) => caller.IsStaff
        ? bookings
        : bookings.Where(b => b.BookedByMembershipId == caller.MembershipId
            || b.ClientMembershipId == caller.MembershipId
            || db.Athletes.Any(a => a.Id == b.ClientAthleteId && a.UserId == caller.UserId));

    public static Task<ClientBooking?> FindAsync(FormaDbContext db, Caller caller, Guid id, CancellationToken cancellationToken) =>
        db.Bookings.AsNoTracking().VisibleTo(caller, db).SingleOrDefaultAsync(b => b.Id == id, cancellationToken);
}
