using System.Runtime.CompilerServices;
using Forma.Data.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Forma.Data.BackgroundJobs;

/// <summary>Claims one job and runs it to an outcome: succeeded, retried later, dead-lettered, or released on shutdown.</summary>
public sealed partial class JobRunner(IServiceScopeFactory scopes, IOptions<JobOptions> options, TimeProvider clock, ILogger<JobRunner> logger)
{
    private readonly JobOptions _options = options.Value;
    private readonly TenantTurns _turns = new();

    public string WorkerName { get; } = options.Value.WorkerName ?? $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>Returns false when there was nothing to claim.</summary>
    public async Task<bool> RunNextAsync(CancellationToken stoppingToken)
    {
        ClaimedJob? job;
        await using (var claimScope = scopes.CreateAsyncScope())
        {
            var store = claimScope.ServiceProvider.GetRequiredService<JobStore>();
            job = await store.ClaimAsync(WorkerName, _options.Lease, _options.TenantsTakeTurns ? _turns.Recent() : [], stoppingToken);
        }

        if (job is null)
        {
            return false;
        }

        _turns.Served(job.TenantId);

        using var logScope = logger.BeginScope(new Dictionary<string, object?> { ["JobId"] = job.Id, ["JobType"] = job.Type, ["TenantId"] = job.TenantId });
        if (job.Attempts > job.MaxAttempts)
        {
            // Its last permitted attempt ended with the worker gone (the lease expired); no more tries.
            await WithStoreAsync(store => store.FailAsync(job, "The worker running the final attempt was lost before it finished.", TimeSpan.Zero, CancellationToken.None));
            LogDeadLettered(job.Type, job.Attempts - 1);
            return true;
        }

        // The run is cancelled when the worker stops, when it exceeds MaxRunTime, or when its lease is lost.
        using var run = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        run.CancelAfter(_options.MaxRunTime);
        using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var leaseLost = new StrongBox<bool>();
        var heartbeatTask = HeartbeatAsync(job, run, leaseLost, heartbeat.Token);
        try
        {
            await ExecuteAsync(job, run.Token);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await WithStoreAsync(store => store.ReleaseAsync(job, CancellationToken.None));
            LogReleased(job.Type);
        }
        catch (OperationCanceledException) when (leaseLost.Value)
        {
            // The lease went to another worker; its run is the one that counts, and ours has rolled back.
            LogLeaseLost(job.Type);
        }
        catch (Exception exception)
        {
            if (exception is OperationCanceledException && run.IsCancellationRequested)
            {
                exception = new TimeoutException($"The run took longer than {_options.MaxRunTime} and was cancelled.");
            }

            var delay = RetryDelay.After(job.Attempts, _options.RetryBaseDelay, _options.RetryMaxDelay, Random.Shared.NextDouble());
            await WithStoreAsync(store => store.FailAsync(job, $"{exception.GetType().Name}: {exception.Message}", delay, CancellationToken.None));
            if (job.Attempts >= job.MaxAttempts)
            {
                LogDeadLettered(job.Type, job.Attempts);
            }
            else
            {
                LogRetrying(exception, job.Type, job.Attempts, delay);
            }
        }
        finally
        {
            await heartbeat.CancelAsync();
            await heartbeatTask;
        }

        return true;
    }

    private async Task ExecuteAsync(ClaimedJob job, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (job.TenantId is { } tenantId)
        {
            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenantId);
        }

        var db = scope.ServiceProvider.GetRequiredService<FormaDbContext>();
        var registry = scope.ServiceProvider.GetRequiredService<JobHandlerRegistry>();
        var store = scope.ServiceProvider.GetRequiredService<JobStore>();

        var context = new JobContext(job.Id, job.Attempts, job.TenantId, db, scope.ServiceProvider);
        var outside = registry.RunsOutsideTransaction(job.Type);
        if (outside)
        {
            await registry.InvokeAsync(job.Type, job.Payload, context, cancellationToken);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!outside)
        {
            await registry.InvokeAsync(job.Type, job.Payload, context, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);

        if (await store.CompleteAsync(job, cancellationToken) == 1)
        {
            await transaction.CommitAsync(cancellationToken);
        }
        else
        {
            // Another worker took the job over after our lease ran out; its run is the one that counts.
            await transaction.RollbackAsync(CancellationToken.None);
            LogLeaseLost(job.Type);
        }
    }

    /// <summary>
    /// Extends the lease every third of it while the job runs. A failed beat is retried at the next one (a
    /// takeover is harmless to the database, thanks to the lock token, but wastes the work); a beat that
    /// finds the lease already taken marks it lost and cancels the run.
    /// </summary>
    private async Task HeartbeatAsync(ClaimedJob job, CancellationTokenSource run, StrongBox<bool> leaseLost, CancellationToken cancellationToken)
    {
        var period = _options.Lease / 3;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period, clock, cancellationToken);
                var held = 0;
                await WithStoreAsync(async store => held = await store.HeartbeatAsync(job, _options.Lease, cancellationToken));
                if (held == 0)
                {
                    leaseLost.Value = true;
                    await run.CancelAsync();
                    return;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogHeartbeatFailed(exception, job.Type);
            }
        }
    }

    private async Task WithStoreAsync(Func<JobStore, Task> action)
    {
        await using var scope = scopes.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<JobStore>());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobType} failed on attempt {Attempt}; retrying in {Delay}")]
    private partial void LogRetrying(Exception exception, string jobType, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {JobType} was dead-lettered after {Attempts} attempts")]
    private partial void LogDeadLettered(string jobType, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobType} was released because the worker is stopping")]
    private partial void LogReleased(string jobType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobType} finished after its lease was taken over; its effects were rolled back")]
    private partial void LogLeaseLost(string jobType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat for job {JobType} failed")]
    private partial void LogHeartbeatFailed(Exception exception, string jobType);
}
