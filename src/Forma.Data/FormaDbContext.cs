using Forma.Core.Accounts;
using Forma.Core.Activities;
using Forma.Core.Athletes;
using Forma.Core.Audit;
using Forma.Core.Billing;
using Forma.Core.Booking;
using Forma.Core.People;
using Forma.Core.Tenancy;
using Forma.Core.Training;
using Forma.Data.Accounts;
using Forma.Data.BackgroundJobs;
using Forma.Data.Conventions;
using Forma.Data.DataProtection;
using Forma.Data.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Forma.Data;

/// <summary>
/// The one DbContext. Tenant-owned sets are filtered to <see cref="CurrentTenantId"/> by a named query
/// filter; see <see cref="TenantQueryFilter"/> and <see cref="TenantGuardInterceptor"/>.
/// </summary>
public sealed class FormaDbContext : DbContext
{
    private readonly ICurrentTenant _currentTenant;

    public FormaDbContext(DbContextOptions<FormaDbContext> options, ICurrentTenant currentTenant) : base(options)
    {
        _currentTenant = currentTenant;
        // SaveChanges always runs in a transaction, so PostgreSQL's tenant setting is made once, when it
        // begins, and the modification batch itself carries no extra statement (see PostgresTenantSettingInterceptor).
        Database.AutoTransactionBehavior = AutoTransactionBehavior.Always;
    }

    /// <summary>Read by the tenant query filter for every query, so it follows the scope's tenant.</summary>
    public Guid? CurrentTenantId => _currentTenant.TenantId;

    public DbSet<Tenant> Tenants => Set<Tenant>();
    public DbSet<User> Users => Set<User>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Athlete> Athletes => Set<Athlete>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<BackgroundJob> BackgroundJobs => Set<BackgroundJob>();
    public DbSet<RecurringJob> RecurringJobs => Set<RecurringJob>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();
    public DbSet<RecoveryCode> RecoveryCodes => Set<RecoveryCode>();
    public DbSet<UserToken> UserTokens => Set<UserToken>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Guardianship> Guardianships => Set<Guardianship>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<Import> Imports => Set<Import>();
    public DbSet<ImportFile> ImportFiles => Set<ImportFile>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<Recording> Recordings => Set<Recording>();
    public DbSet<RecordingSegment> RecordingSegments => Set<RecordingSegment>();
    public DbSet<ActivityMerge> ActivityMerges => Set<ActivityMerge>();
    public DbSet<PhysiologyEntry> PhysiologyEntries => Set<PhysiologyEntry>();
    public DbSet<ActivityAnalysis> ActivityAnalyses => Set<ActivityAnalysis>();
    public DbSet<ActivityCurve> ActivityCurves => Set<ActivityCurve>();
    public DbSet<ActivityBest> ActivityBests => Set<ActivityBest>();
    public DbSet<PersonalRecord> PersonalRecords => Set<PersonalRecord>();
    public DbSet<DailyLoadEntry> DailyLoads => Set<DailyLoadEntry>();
    public DbSet<AnalyticsState> AnalyticsStates => Set<AnalyticsState>();
    public DbSet<CustomZones> CustomZones => Set<CustomZones>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<Resource> Resources => Set<Resource>();
    public DbSet<StaffProfile> StaffProfiles => Set<StaffProfile>();
    public DbSet<StaffException> StaffExceptions => Set<StaffException>();
    public DbSet<Credential> Credentials => Set<Credential>();
    public DbSet<Appointment> Appointments => Set<Appointment>();
    public DbSet<ClientBooking> Bookings => Set<ClientBooking>();
    public DbSet<BookingParticipant> BookingParticipants => Set<BookingParticipant>();
    public DbSet<ResourceAllocation> ResourceAllocations => Set<ResourceAllocation>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<WaitlistEntry> WaitlistEntries => Set<WaitlistEntry>();
    public DbSet<Package> Packages => Set<Package>();
    public DbSet<ClientPackage> ClientPackages => Set<ClientPackage>();
    public DbSet<CreditUse> CreditUses => Set<CreditUse>();
    public DbSet<BookingMessage> BookingMessages => Set<BookingMessage>();
    public DbSet<ClientCalendarFeed> ClientCalendarFeeds => Set<ClientCalendarFeed>();
    public DbSet<UsageCounter> UsageCounters => Set<UsageCounter>();
    public DbSet<UsageEvent> UsageEvents => Set<UsageEvent>();
    public DbSet<Subscription> Subscriptions => Set<Subscription>();
    public DbSet<BillingEvent> BillingEvents => Set<BillingEvent>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(20);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FormaDbContext).Assembly);

        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entityType.GetProperties())
            {
                property.SetColumnName(SnakeCase.From(property.Name));
            }
        }

        TenantQueryFilter.Apply(modelBuilder, this);
    }
}
