using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Forma.Data.BackgroundJobs;

/// <summary>
/// The in-process worker: every instance runs one, and they share the queue through the database. Each
/// loop turns due schedules into jobs, then runs jobs until the queue is empty, then sleeps a poll interval.
/// </summary>
internal sealed partial class JobWorker(
    IServiceScopeFactory scopes,
    JobRunner runner,
    IEnumerable<RecurringJobDeclaration> declarations,
    IOptions<JobOptions> options,
    TimeProvider clock,
    ILogger<JobWorker> logger) : BackgroundService
{
    private bool _declarationsSynced;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarted(runner.WorkerName, options.Value.Concurrency);
        var lanes = Enumerable.Range(0, Math.Max(1, options.Value.Concurrency)).Select(lane => RunLaneAsync(lane, stoppingToken));
        await Task.WhenAll(lanes);
    }

    private async Task RunLaneAsync(int lane, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (lane == 0)
                {
                    await ScheduleAsync(stoppingToken);
                }

                while (await runner.RunNextAsync(stoppingToken))
                {
                }

                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database may be briefly unreachable; keep the worker alive and try again.
                LogLoopFailed(exception);
                await Task.Delay(options.Value.PollInterval * 5, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>
    /// Declared schedules are written once (retried on the next loop if instances starting together
    /// collided), then due ones are enqueued. A scheduling failure is logged and never stops the jobs.
    /// </summary>
    private async Task ScheduleAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (!_declarationsSynced)
            {
                await WithSchedulerAsync(s => s.SyncDeclarationsAsync(declarations, stoppingToken));
                _declarationsSynced = true;
            }

            await WithSchedulerAsync(s => s.EnqueueDueAsync(stoppingToken));
        }
        catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
        {
            LogSchedulingFailed(exception);
        }
    }

    private async Task WithSchedulerAsync(Func<RecurringScheduler, Task> action)
    {
        await using var scope = scopes.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<RecurringScheduler>());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job worker {WorkerName} started with {Concurrency} lane(s)")]
    private partial void LogStarted(string workerName, int concurrency);

    [LoggerMessage(Level = LogLevel.Error, Message = "Enqueuing scheduled jobs failed; retrying on the next poll")]
    private partial void LogSchedulingFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job worker loop failed; retrying")]
    private partial void LogLoopFailed(Exception exception);
}
