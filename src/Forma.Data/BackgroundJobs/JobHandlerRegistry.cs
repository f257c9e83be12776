using Microsoft.Extensions.DependencyInjection;

namespace Forma.Data.BackgroundJobs;

/// <summary>One registered handler: the job type it serves and how to deserialise and call it.</summary>
public sealed record JobHandlerRegistration(string JobType, Func<string, JobContext, CancellationToken, Task> Invoke, bool OutsideTransaction = false);

/// <summary>Finds the handler for a stored job type. Unknown types fail the job (and dead-letter it) rather than vanish.</summary>
internal sealed class JobHandlerRegistry(IEnumerable<JobHandlerRegistration> registrations)
{
    private readonly Dictionary<string, JobHandlerRegistration> _byType = registrations.ToDictionary(r => r.JobType, StringComparer.Ordinal);

    public bool RunsOutsideTransaction(string jobType) => _byType.TryGetValue(jobType, out var registration) && registration.OutsideTransaction;

    public Task InvokeAsync(string jobType, string payload, JobContext context, CancellationToken cancellationToken) =>
        _byType.TryGetValue(jobType, out var registration)
            ? registration.Invoke(payload, context, cancellationToken)
            : throw new InvalidOperationException($"No handler is registered for job type '{jobType}'.");
}

public static class JobHandlerServiceCollectionExtensions
{
    public static IServiceCollection AddJobHandler<TPayload, THandler>(this IServiceCollection services)
        where TPayload : IJobPayload
        where THandler : class, IJobHandler<TPayload>
    {
        services.AddScoped<THandler>();
        services.AddSingleton(new JobHandlerRegistration(
            TPayload.JobType,
            (payload, context, cancellationToken) => context.Services.GetRequiredService<THandler>()
                .HandleAsync(JobSerializer.Deserialize<TPayload>(payload), context, cancellationToken),
            typeof(IRunsOutsideTransaction).IsAssignableFrom(typeof(THandler))));
        return services;
    }

    /// <summary>Declares a schedule; the worker writes it to <c>recurring_jobs</c> when it starts.</summary>
    public static IServiceCollection AddRecurringJob<TPayload>(this IServiceCollection services, string name, string cron, string timeZone, TPayload payload)
        where TPayload : IJobPayload
    {
        services.AddSingleton(new RecurringJobDeclaration(name, new CronSchedule(cron, timeZone), TPayload.JobType, JobSerializer.Serialize(payload)));
        return services;
    }
}

public sealed record RecurringJobDeclaration(string Name, CronSchedule Schedule, string JobType, string Payload);
