using Forma.Core;
using Microsoft.EntityFrameworkCore;

namespace Forma.Data.BackgroundJobs;

/// <summary>
/// Turns due schedules into jobs. Each schedule row is locked while it is advanced (SKIP LOCKED on
/// PostgreSQL, so instances never wait on each other), and the job it enqueues carries a dedupe key
/// made of the schedule and the occurrence, so an occurrence is enqueued once however many instances run.
/// </summary>
internal sealed class RecurringScheduler(FormaDbContext db, TimeProvider clock)
{
    public async Task<int> EnqueueDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await (db.Database.IsNpgsql()
                ? db.RecurringJobs.FromSql($"SELECT * FROM recurring_jobs WHERE next_run_at <= {now} ORDER BY next_run_at LIMIT 50 FOR UPDATE SKIP LOCKED")
                : db.RecurringJobs.FromSql($"SELECT * FROM recurring_jobs WHERE next_run_at <= {now} ORDER BY next_run_at LIMIT 50"))
            .ToListAsync(cancellationToken);

        foreach (var schedule in due)
        {
            try
            {
                // The next occurrence first: a schedule that has none enqueues nothing.
                var nextRunAt = new CronSchedule(schedule.Cron, schedule.TimeZone).NextAfter(now);
                var dedupeKey = $"recurring:{schedule.Name}:{schedule.NextRunAt:O}";
                db.BackgroundJobs.Add(BackgroundJob.Create(schedule.JobType, schedule.Payload, schedule.TenantId, now, dedupeKey: dedupeKey));
                schedule.Advance(nextRunAt);
            }
            catch (DomainException exception)
            {
                // A cron with no further occurrence, or a time zone the system no longer knows: park this
                // schedule with the reason and let the others run.
                schedule.Suspend(exception.Message);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due.Count;
    }

    /// <summary>Writes the schedules declared in code, keeping the next run of those whose timing did not change.</summary>
    public async Task SyncDeclarationsAsync(IEnumerable<RecurringJobDeclaration> declarations, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var declaration in declarations)
        {
            await UpsertAsync(declaration.Name, declaration.Schedule, declaration.JobType, declaration.Payload, null, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task UpsertAsync(string name, CronSchedule schedule, string jobType, string payload, Guid? tenantId, DateTime now, CancellationToken cancellationToken)
    {
        var existing = await db.RecurringJobs.FindAsync([name], cancellationToken);
        if (existing is null)
        {
            db.RecurringJobs.Add(RecurringJob.Create(name, schedule, jobType, payload, tenantId, now));
        }
        else
        {
            existing.Reschedule(schedule, jobType, payload, now);
        }
    }
}
