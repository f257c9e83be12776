using Forma.Core.Tenancy;
using Forma.Data.Audit;
using Forma.Data.BackgroundJobs;
using Forma.Data.Blobs;
using Forma.Data.DataProtection;
using Forma.Data.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Forma.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the DbContext for the configured provider, tenant enforcement, the migrator, the shared
    /// data-protection key ring and the job worker.
    /// </summary>
    /// <param name="basePath">Where a relative SQLite file path is resolved (the host's content root).</param>
    public static IServiceCollection AddFormaData(this IServiceCollection services, IConfiguration configuration, string basePath)
    {
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        DatabaseConnections.ResolveSqlitePaths(options, basePath);
        services.AddSingleton(Options.Create(options));
        services.TryAddTimeProvider();

        services.AddScoped<TenantScope>();
        services.AddScoped<ICurrentTenant>(sp => sp.GetRequiredService<TenantScope>());
        services.AddSingleton<TenantGuardInterceptor>();
        services.AddSingleton<PostgresTenantSettingInterceptor>();
        services.AddSingleton<PostgresTenantTransactionInterceptor>();
        services.AddDbContext<FormaDbContext>((sp, builder) =>
        {
            DatabaseConnections.UseProvider(builder, options.Provider, options.ConnectionString);
            builder.AddInterceptors(sp.GetRequiredService<TenantGuardInterceptor>());
            if (options.Provider == DatabaseProvider.Postgres)
            {
                builder.AddInterceptors(
                    sp.GetRequiredService<PostgresTenantSettingInterceptor>(),
                    sp.GetRequiredService<PostgresTenantTransactionInterceptor>());
            }
        });
        services.AddSingleton<DatabaseMigrator>();

        services.AddSingleton<DatabaseXmlRepository>();
        services.AddDataProtection().SetApplicationName("Forma");
        services.AddOptions<KeyManagementOptions>()
            .Configure<DatabaseXmlRepository>((keys, repository) => keys.XmlRepository = repository);

        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        storage.Path = Path.GetFullPath(Path.Combine(basePath, storage.Path));
        services.AddSingleton(Options.Create(storage));
        services.AddScoped<BlobStore>();
        services.AddSingleton<BlobCollector>();
        services.AddHostedService<IncomingSweepAtStart>();

        services.AddFormaJobs(configuration);
        return services;
    }

    private static void AddFormaJobs(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(JobOptions.Section);
        services.Configure<JobOptions>(section);
        services.AddScoped<JobStore>();
        services.AddScoped<RecurringScheduler>();
        services.AddSingleton<JobHandlerRegistry>();
        services.AddSingleton<JobRunner>();
        services.AddJobHandler<PurgeFinishedJobs, PurgeFinishedJobsHandler>();
        services.AddRecurringJob("jobs.purge-finished", "0 30 3 * * ?", "UTC", new PurgeFinishedJobs());
        services.AddJobHandler<SealAuditChains, SealAuditChainsHandler>();
        services.AddRecurringJob("audit.seal-chains", "0 * * * * ?", "UTC", new SealAuditChains());
        if (section.GetValue(nameof(JobOptions.Enabled), defaultValue: true))
        {
            services.AddHostedService<JobWorker>();
        }
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
