using System.Security.Claims;
using Forma.Core.Accounts;
using Forma.Core.Activities;
using Forma.Core.Audit;
using Forma.Core.Billing;
using Forma.Core.Plans;
using Forma.Data;
using Forma.Data.BackgroundJobs;
using Forma.Data.Blobs;
using Forma.Web.Features.Athletes;
using Forma.Web.Features.Plans;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Forma.Web.Features.Activities;

/// <summary>
/// Uploading activity files for an athlete. Each file is streamed straight into blob storage (never held
/// whole in memory), and parsed afterwards by a background job of its own, so a bad file fails alone and a
/// restart loses nothing. The answer is 202 with the import to poll.
/// </summary>
internal sealed class ImportEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1").WithTags("Imports").RequireTenant()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/athletes/{athleteId:guid}/imports", Upload).RequireScope(ApiScopes.ActivitiesWrite).WithName("UploadActivityFiles")
            .WithSummary("Upload one or many activity files (FIT, GPX, TCX, gzipped or not) as multipart/form-data; they are imported in the background")
            .Accepts<IFormFileCollection>("multipart/form-data").ProducesProblem(StatusCodes.Status413PayloadTooLarge).ProducesProblem(StatusCodes.Status402PaymentRequired);
        group.MapGet("/imports/{id:guid}", Get).RequireScope(ApiScopes.ActivitiesRead).WithName("GetImport")
            .WithSummary("An import's progress and the result of each file");
    }

    private static async Task<Results<Accepted<ImportView>, ValidationProblem, ProblemHttpResult>> Upload(
        Guid athleteId, HttpContext http, ClaimsPrincipal user, FormaDbContext db, PlanGate gate, BlobStore blobs, IOptions<ImportOptions> options, TimeProvider clock, CancellationToken cancellationToken)
    {
        var me = Caller.From(user);
        if (!await db.Athletes.VisibleTo(me, db).AnyAsync(a => a.Id == athleteId, cancellationToken))
        {
            return ProblemDetailsSetup.Problem(404, ProblemTypes.NotFound, "No such athlete.");
        }

        if (!ActivityAccess.MayChange(me))
        {
            return ActivityAccess.Forbidden();
        }

        await gate.EnsureAthleteWritableAsync(athleteId, cancellationToken);

        // Refuse before reading the body when the plan's storage is already full; the exact check follows the upload.
        var storedBytes = await PlanEndpoints.StoredBytes(db).SumAsync(cancellationToken);
        gate.EnsureStorage(storedBytes, 1);

        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var mediaType)
            || !"multipart/form-data".Equals(mediaType.MediaType.Value, StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            return ProblemDetailsSetup.FieldProblem("files", "Send the files as multipart/form-data, one part per file.");
        }

        var limits = options.Value;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodyLimit)
        {
            bodyLimit.MaxRequestBodySize = limits.MaxRequestBytes;
        }

        var received = new List<(string Name, StoredBlob? Blob, string? Error)>();
        long archiveEntries = 0;
        var reader = new MultipartReader(boundary, http.Request.Body) { HeadersLengthLimit = UploadBody.HeadersLengthLimit };
        try
        {
            while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition())
                {
                    continue;
                }

                if (received.Count == limits.MaxFiles)
                {
                    return ProblemDetailsSetup.Problem(413, ProblemTypes.For("too-many-files"), $"At most {limits.MaxFiles} files per upload.", "Split the upload, or send an export archive.");
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "upload";
                try
                {
                    var blob = await blobs.PutAsync(section.Body, limits.MaxFileBytes, cancellationToken);
                    archiveEntries += UploadBody.ArchiveEntries(blobs, blob, limits.MaxArchiveEntries - archiveEntries);
                    if (archiveEntries > limits.MaxArchiveEntries)
                    {
                        return ProblemDetailsSetup.Problem(413, ProblemTypes.For("archive-too-many-entries"),
                            $"The upload's archives hold more than {limits.MaxArchiveEntries:N0} entries.",
                            $"Counting stopped at {archiveEntries:N0}, in '{name}'. Split the export into smaller archives.");
                    }

                    received.Add((name, blob, null));
                }
                catch (BlobTooLargeException)
                {
                    await section.Body.DrainAsync(cancellationToken);
                    received.Add((name, null, $"The file is larger than the {limits.MaxFileBytes:N0}-byte limit for one file."));
                }
            }
        }
        catch (Exception unreadable) when (UploadBody.IsMalformed(unreadable))
        {
            throw UploadBody.Refusal(unreadable);
        }

        if (received.Count == 0)
        {
            return ProblemDetailsSetup.FieldProblem("files", "Attach one or more files.");
        }

        var stored = received.Where(r => r.Blob is not null).ToList();
        gate.EnsureStorage(storedBytes, stored.Sum(r => r.Blob!.Size));
        if (stored.Count > 0)
        {
            await gate.AdmitAsync(PlanLimit.ImportsPerMonth, stored.Count, cancellationToken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.UsageEvents.Add(UsageEvent.Record(me.TenantId, PlanLimit.ImportsPerMonth, stored.Count, $"{stored.Sum(r => r.Blob!.Size)} bytes for athlete {athleteId}", now));
        var import = Import.Start(me.TenantId, athleteId, me.ApiKeyId is null ? me.UserId : null, received.Count, now);
        db.Imports.Add(import);
        var files = new List<ImportFile>();
        foreach (var (name, blob, error) in received)
        {
            var file = ImportFile.Add(import, files.Count, name, blob?.Sha256 ?? "", blob?.Size ?? 0, now);
            files.Add(file);
            db.ImportFiles.Add(file);
            if (error is not null)
            {
                file.MarkFailed(error, now);
                import.RejectAtUpload(now);
            }
            else
            {
                db.Enqueue(new ParseImportedFile(file.Id), now);
            }
        }

        db.AuditEvents.Add(AuditEvent.Record(me.TenantId, "import.started", now, me.UserId, import.Id.ToString(), $$"""{"athleteId":"{{athleteId}}","files":{{received.Count}}}"""));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted($"/api/v1/imports/{import.Id}", ImportView.From(import, files));
    }

    private static async Task<Results<Ok<ImportView>, ProblemHttpResult>> Get(Guid id, ClaimsPrincipal user, FormaDbContext db, CancellationToken cancellationToken)
    {
        var me = Caller.From(user);
        var import = await db.Imports.AsNoTracking()
            .Where(i => i.Id == id && db.Athletes.VisibleTo(me, db).Any(a => a.Id == i.AthleteId))
            .SingleOrDefaultAsync(cancellationToken);
        if (import is null)
        {
            return ProblemDetailsSetup.Problem(404, ProblemTypes.NotFound, "No such import.");
        }

        var files = await db.ImportFiles.AsNoTracking().Where(f => f.ImportId == id).ToListAsync(cancellationToken);
        return TypedResults.Ok(ImportView.From(import, files));
    }
}
