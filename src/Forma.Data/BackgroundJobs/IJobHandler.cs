namespace Forma.Data.BackgroundJobs;

/// <summary>
/// Runs one kind of job. The handler's database work shares one transaction with the job's completion:
/// either both commit or neither does, so a job that is retried after a crash has left no half effect.
/// Effects outside the database (an email, a webhook) belong in their own job, keyed for idempotency.
/// </summary>
public interface IJobHandler<in TPayload> where TPayload : IJobPayload
{
    Task HandleAsync(TPayload payload, JobContext context, CancellationToken cancellationToken);
}

/// <summary>
/// Marks a handler whose effect lies outside the database (an email, a webhook): it runs before the job's
/// transaction opens, so a slow remote call never holds a database transaction — on SQLite the one write
/// lock every other writer waits for. Its own database writes, if any, commit as it makes them; the job's
/// completion follows in a short transaction of its own.
/// </summary>
public interface IRunsOutsideTransaction;

/// <summary>What a handler knows about the run: the job, its attempt, its tenant, and the scoped DbContext in the job's transaction.</summary>
public sealed record JobContext(Guid JobId, int Attempt, Guid? TenantId, FormaDbContext Db, IServiceProvider Services);
