using Forma.Core.Activities;
using Forma.Core.Training;
using Forma.Data;
using Forma.Data.BackgroundJobs;
using Forma.Data.Blobs;
using Forma.Formats;
using Forma.Web.Features.Activities;

namespace Forma.Web.Features.Demo;

/// <summary>
/// Ten weeks of made-up training for the demo athletes, so every page has something to show: rides and runs as FIT
/// files (written with the app's own encoder) that go through the real import — stored originals, background parsing,
/// analysis, the load series — exactly as uploaded files do. Ada rides and runs and did a 6-hour ride three days ago;
/// Ben runs. Seeded from fixed numbers, so every demo looks the same.
/// </summary>
internal static class DemoActivities
{
    private const int Weeks = 10;

    // A loop around Hyde Park, London (the demo business's zone is Europe/London).
    private const double CentreLatitude = 51.5073;
    private const double CentreLongitude = -0.1657;

    public static async Task QueueAsync(FormaDbContext db, BlobStore blobs, Guid tenantId, Guid athleteId, bool rides, DateTime now, CancellationToken cancellationToken)
    {
        // Thresholds from before the first activity, so every activity gets a training load (TSS from power for rides,
        // rTSS from pace for runs, hrTSS where only heart rate tells).
        db.PhysiologyEntries.Add(PhysiologyEntry.Create(tenantId, athleteId, DateOnly.FromDateTime(now).AddDays(-(Weeks * 7) - 1),
            new PhysiologyValues(FunctionalThresholdPower: rides ? 260 : null, ThresholdHeartRate: 168, MaxHeartRate: 188, RestingHeartRate: 48,
                ThresholdSpeed: rides ? 3.9 : 4.2, WeightKg: rides ? 62 : 74), null, now));
        var random = new Random(rides ? 7 : 11);
        var plan = new List<(DateTime Start, bool Ride, int Seconds)>();
        var today = now.Date;
        for (var day = Weeks * 7; day >= 1; day--)
        {
            var date = today.AddDays(-day);
            if (rides && day == 3)
            {
                plan.Add((date.AddHours(8), true, 6 * 3600));
            }
            else if (rides && day % 2 == 0)
            {
                plan.Add((date.AddHours(7), true, random.Next(45, 130) * 60));
            }
            else if (day % 7 is 1 or 3 or 5 || (!rides && day % 7 == 6))
            {
                plan.Add((date.AddHours(18), false, random.Next(30, 75) * 60));
            }
        }

        var import = Import.Start(tenantId, athleteId, null, plan.Count, now);
        db.Imports.Add(import);
        var position = 0;
        foreach (var (start, ride, seconds) in plan)
        {
            using var file = new MemoryStream();
            ActivityWriter.Write(Recording(start, ride, seconds, random), ActivityFormat.Fit, file);
            var blob = await blobs.PutAsync(file.ToArray(), cancellationToken);
            var name = $"{start:yyyy-MM-dd}-{(ride ? "ride" : "run")}.fit";
            db.ImportFiles.Add(ImportFile.Add(import, position++, name, blob.Sha256, blob.Size, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var file in db.ChangeTracker.Entries<ImportFile>().Select(e => e.Entity).Where(f => f.ImportId == import.Id))
        {
            db.Enqueue(new ParseImportedFile(file.Id), now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>1 Hz samples: power in blocks of steady effort (rides), heart rate following the effort, speed, a loop route.</summary>
    private static ActivityFile Recording(DateTime start, bool ride, int seconds, Random random)
    {
        var streams = new SampleStreamsBuilder(seconds);
        var radius = ride ? 0.045 : 0.012; // degrees of latitude: a 30 km or 8 km loop
        var (distance, heartRate, effort) = (0.0, 95.0, 0.6);
        for (var t = 0; t < seconds; t++)
        {
            if (t % 300 == 0)
            {
                effort = 0.45 + (random.NextDouble() * 0.45); // a new 5-minute block: easy to threshold
            }

            var power = ride ? Math.Max(0, Math.Round((150 + (180 * effort)) + ((random.NextDouble() - 0.5) * 40))) : double.NaN;
            var speed = ride ? 6 + (5 * effort) : 2.6 + (1.3 * effort);
            heartRate += ((110 + (70 * effort)) - heartRate) / 30; // heart rate drifts toward the effort within about 30 s
            distance += speed;
            var angle = distance / (radius * 111_320 * 2 * Math.PI) * 2 * Math.PI;
            streams.BeginRow();
            streams.Set(StreamNames.Time, t);
            streams.Set(StreamNames.Latitude, CentreLatitude + (radius * Math.Sin(angle)));
            streams.Set(StreamNames.Longitude, CentreLongitude + (radius * 1.6 * Math.Cos(angle)));
            streams.Set(StreamNames.Altitude, 30 + (12 * Math.Sin(angle * 3)));
            streams.Set(StreamNames.Distance, distance);
            streams.Set(StreamNames.Speed, speed);
            streams.Set(StreamNames.HeartRate, Math.Round(heartRate));
            streams.Set(StreamNames.Cadence, ride ? 85 + random.Next(-5, 6) : 82 + random.Next(-2, 3));
            streams.Set(StreamNames.Power, power);
        }

        var metadata = new ActivityMetadata
        {
            Format = ActivityFormat.Fit,
            Sport = ride ? "cycling" : "running",
            StartTime = start,
            Name = ride ? (seconds >= 4 * 3600 ? "Long ride" : "Morning ride") : "Evening run",
            Device = new DeviceInfo("garmin", ride ? "edge 540" : "forerunner 265", 3_000_000_001, "1.0"),
        };
        return new ActivityFile(metadata, [], [], streams.Build());
    }
}
