namespace Forma.Core.Accounts;

/// <summary>
/// What an API key may do, as <c>area:access</c> pairs. Keys name their scopes when they are created; an
/// endpoint that accepts keys declares the scope it needs. Scopes for areas still being built are accepted
/// now so integrations can be set up ahead of them.
/// </summary>
public static class ApiScopes
{
    public const string AthletesRead = "athletes:read";
    public const string AthletesWrite = "athletes:write";
    public const string ActivitiesRead = "activities:read";
    public const string ActivitiesWrite = "activities:write";
    public const string BookingsRead = "bookings:read";
    public const string BookingsWrite = "bookings:write";

    public static readonly IReadOnlyList<string> All = [AthletesRead, AthletesWrite, ActivitiesRead, ActivitiesWrite, BookingsRead, BookingsWrite];

    public static bool IsKnown(string scope) => All.Contains(scope, StringComparer.Ordinal);
}
