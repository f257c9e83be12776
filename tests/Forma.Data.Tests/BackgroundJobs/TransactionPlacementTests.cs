using Forma.Data.BackgroundJobs;
using Forma.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Forma.Data.Tests.BackgroundJobs;

/// <summary>Handlers with effects outside the database run before the job's transaction; all others inside it.</summary>
public class TransactionPlacementTests
{
    [Theory]
    [ClassData(typeof(DatabaseProviders))]
    public async Task RemoteCallHandler_RunsWithNoTransactionOpen_AndDatabaseHandler_InsideTheJobsTransaction(DatabaseProvider provider)
    {
        var seen = new TransactionSightings();
        await using var host = await DataHost.StartAsync(provider, services =>
        {
            services.AddSingleton(seen);
            services.AddJobHandler<RemoteCall, RemoteCallHandler>();
            services.AddJobHandler<DatabaseWork, DatabaseWorkHandler>();
        });
        var (scope, db) = host.Scope(tenantId: null);
        await using (scope)
        {
            db.Enqueue(new RemoteCall(), host.Clock.GetUtcNow().UtcDateTime); // the host's clock: a job enqueued "now" by the wall clock may be in its future
            db.Enqueue(new DatabaseWork(), host.Clock.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync();
        }

        var runner = host.Services.GetRequiredService<JobRunner>();
        while (await runner.RunNextAsync(CancellationToken.None))
        {
        }

        Assert.Equal((false, true), (seen.RemoteCallHadTransaction, seen.DatabaseWorkHadTransaction));
    }

    public sealed class TransactionSightings
    {
        public bool? RemoteCallHadTransaction { get; set; }
        public bool? DatabaseWorkHadTransaction { get; set; }
    }

    public sealed record RemoteCall : IJobPayload
    {
        public static string JobType => "test.remote-call";
    }

    public sealed record DatabaseWork : IJobPayload
    {
        public static string JobType => "test.database-work";
    }

    private sealed class RemoteCallHandler(TransactionSightings seen) : IJobHandler<RemoteCall>, IRunsOutsideTransaction
    {
        public Task HandleAsync(RemoteCall payload, JobContext context, CancellationToken cancellationToken)
        {
            seen.RemoteCallHadTransaction = context.Db.Database.CurrentTransaction is not null;
            return Task.CompletedTask;
        }
    }

    private sealed class DatabaseWorkHandler(TransactionSightings seen) : IJobHandler<DatabaseWork>
    {
        public Task HandleAsync(DatabaseWork payload, JobContext context, CancellationToken cancellationToken)
        {
            seen.DatabaseWorkHadTransaction = context.Db.Database.CurrentTransaction is not null;
            return Task.CompletedTask;
        }
    }
}
