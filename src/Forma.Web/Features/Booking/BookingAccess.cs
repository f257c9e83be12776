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

    public static ProblemHttpResult CatalogueOnly() => Forbidden(CatalogueOnlyMessage);
}
