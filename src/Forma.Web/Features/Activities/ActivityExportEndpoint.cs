using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Security.Claims;
using Forma.Core.Accounts;
using Forma.Data;
using Forma.Data.Blobs;
using Forma.Formats;
using Forma.Web.Features.Activities.Merging;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Activities;

/// <summary>
/// An activity written out as FIT, GPX or TCX for another platform or device: the fused streams (the best
/// source per stream when several devices recorded it), with the primary recording's sessions, laps and
/// device. Unlike <c>/original</c>, which returns one device's file untouched.
/// </summary>
internal sealed class ActivityExportEndpoint : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app) =>
        app.MapGroup("/api/v1").WithTags("Activities").RequireTenant()
            .MapGet("/activities/{id:guid}/export", Export).RequireScope(ApiScopes.ActivitiesRead).WithName("ExportActivity")
            .WithSummary("The activity as a FIT, GPX or TCX file (format=fit|gpx|tcx)")
            .Produces<byte[]>(StatusCodes.Status200OK, "application/octet-stream")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Export(
        Guid id, [AllowedValues("fit", "gpx", "tcx")] string format, ClaimsPrincipal user, FormaDbContext db, BlobStore blobs, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<ActivityFormat>(format, ignoreCase: true, out var target) || !Enum.IsDefined(target) || int.TryParse(format, out _))
        {
            return ProblemDetailsSetup.FieldProblem("format", "One of fit, gpx, tcx.");
        }

        var me = Caller.From(user);
        var activity = await db.Activities.AsNoTracking().Counting().VisibleTo(me, db).Where(a => a.Id == id)
            .SingleOrDefaultAsync(cancellationToken);
        var primary = activity is null ? null : await db.Recordings.AsNoTracking().SingleOrDefaultAsync(r => r.Id == activity.PrimaryRecordingId, cancellationToken);
        if (activity is null || primary is null || await ActivityStreams.LoadAsync(db, blobs, activity, cancellationToken) is not { } fused)
        {
            return ProblemDetailsSetup.Problem(404, ProblemTypes.NotFound, "No such activity.");
        }

        var original = ActivityStreams.Original(blobs, primary);
        var exported = original with
        {
            Metadata = original.Metadata with { Name = activity.Name ?? original.Metadata.Name },
            Streams = fused.Streams,
        };
        using var output = new MemoryStream();
        ActivityWriter.Write(exported, target, output);
        var name = string.Create(CultureInfo.InvariantCulture, $"{activity.Sport}-{activity.StartTime:yyyy-MM-dd-HHmm}{ActivityWriter.Extension(target)}");
        return TypedResults.File(output.ToArray(), ActivityWriter.ContentType(target), name);
    }
}
