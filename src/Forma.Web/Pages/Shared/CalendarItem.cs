using Forma.Core.Booking;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Pages.Shared;

/// <summary>Something on a person's calendar: an activity they did or an appointment they are booked into.</summary>
public sealed record CalendarItem(DateOnly Day, DateTime StartUtc, string Title, string Kind, string? Href)
{
    /// <summary>An athlete's month: activities started and appointments booked (not cancelled), by the viewer's local day.</summary>
    internal static async Task<List<CalendarItem>> ForAthleteAsync(FormaDbContext db, Guid athleteId, DateOnly month, Viewer viewer, CancellationToken cancellationToken)
    {
        var from = TimeZoneInfo.ConvertTimeToUtc(month.ToDateTime(TimeOnly.MinValue), viewer.Zone);
        var to = TimeZoneInfo.ConvertTimeToUtc(month.AddMonths(1).ToDateTime(TimeOnly.MinValue), viewer.Zone);
        var activities = await db.Activities.AsNoTracking().Where(a => a.AthleteId == athleteId && a.StartTime >= from && a.StartTime < to)
            .Select(a => new { a.Id, a.StartTime, a.Name, a.Sport }).ToListAsync(cancellationToken);
        var appointments = await db.BookingParticipants.AsNoTracking().Where(p => p.AthleteId == athleteId)
            .Join(db.Bookings.Where(b => b.Status != BookingStatus.Cancelled), p => p.BookingId, b => b.Id, (p, b) => b.AppointmentId)
            .Join(db.Appointments.Where(a => a.StartsAt >= from && a.StartsAt < to), id => id, a => a.Id, (id, a) => a)
            .Join(db.Services, a => a.ServiceId, s => s.Id, (a, s) => new { a.StartsAt, s.Name })
            .ToListAsync(cancellationToken);
        return activities.Select(a => new CalendarItem(DateOnly.FromDateTime(viewer.Local(a.StartTime)), a.StartTime, a.Name ?? a.Sport, "activity", $"app/activities/{a.Id}"))
            .Concat(appointments.Select(a => new CalendarItem(DateOnly.FromDateTime(viewer.Local(a.StartsAt)), a.StartsAt, $"{viewer.Time(a.StartsAt)} {a.Name}", "appointment", null)))
            .OrderBy(i => i.StartUtc).ToList();
    }
}
