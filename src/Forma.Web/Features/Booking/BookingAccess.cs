using Forma.Core;
using Forma.Web.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Forma.Web.Features.Booking;

/// <summary>Who may do what in booking: owners and admins run the catalogue and calendars; staff book for anyone; clients for themselves and their dependents.</summary>
internal static class BookingAccess
{
    public static bool RunsCatalogue(this Caller caller) => caller.ManagesEveryone;

    public static ProblemHttpResult Forbidden(string title) => ProblemDetailsSetup.Problem(StatusCodes.Status403Forbidden, ProblemTypes.Forbidden, title);

    public static ProblemHttpResult NotFound(string what) => ProblemDetailsSetup.Problem(StatusCodes.Status404NotFound, ProblemTypes.NotFound, $"No such {what}.");

    public const string CatalogueOnlyMessage = "Only owners and admins change services, resources and staff calendars.";

    /// <summary>Refuses (403) unless the caller runs the catalogue or is the staff member whose calendar it is.</summary>
    public static void EnsureMayEditCalendar(this Caller caller, Guid membershipId)
    {
        if (!caller.RunsCatalogue() && !(caller.IsStaff && caller.MembershipId == membershipId))
        {
            throw DomainException.Forbidden("Owners and admins set staff calendars; a coach sets their own.");
        }
    }
}
