namespace Forma.Core.Booking;

/// <summary>An appointment holds its staff member's time (and its resources) while <see cref="Scheduled"/>.</summary>
public enum AppointmentStatus
{
    Scheduled,
    Cancelled,
}

/// <summary>One client's booking in an appointment: its seats count while <see cref="Booked"/>.</summary>
public enum BookingStatus
{
    Booked,
    Cancelled,
    Attended,
    NoShow,
}
