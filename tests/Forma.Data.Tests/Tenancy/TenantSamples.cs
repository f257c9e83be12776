using Forma.Core.Accounts;
using Forma.Core.Activities;
using Forma.Core.Athletes;
using Forma.Core.Audit;
using Forma.Core.Billing;
using Forma.Core.People;
using Forma.Core.Plans;
using Forma.Core.Tenancy;
using Forma.Core.Training;

namespace Forma.Data.Tests.Tenancy;

/// <summary>
/// How to make a valid row of each tenant-owned entity. The isolation suite enumerates the tenant-owned
/// entities from the EF model and fails for any that has no builder here, so a new table cannot ship
/// without being covered. Builders add prerequisites (a user, a coach) themselves.
/// </summary>
internal static class TenantSamples
{
    public static readonly IReadOnlyDictionary<Type, Action<FormaDbContext, Guid, DateTime>> Builders =
        new Dictionary<Type, Action<FormaDbContext, Guid, DateTime>>
        {
            [typeof(Membership)] = (db, tenantId, now) => AddMember(db, tenantId, Role.Admin, now),
            [typeof(Athlete)] = (db, tenantId, now) =>
            {
                var coach = AddMember(db, tenantId, Role.Coach, now);
                var athlete = Athlete.Create(tenantId, "Sam", "Sample", now);
                athlete.AssignCoach(coach);
                db.Athletes.Add(athlete);
            },
            [typeof(RefreshToken)] = (db, tenantId, now) =>
            {
                var member = AddMember(db, tenantId, Role.Athlete, now);
                db.RefreshTokens.Add(RefreshToken.Issue(tenantId, member.UserId, member.Id, null, Convert.ToHexString(Guid.NewGuid().ToByteArray()), now, TimeSpan.FromDays(30), "127.0.0.1", "tests"));
            },
            [typeof(Invitation)] = (db, tenantId, now) =>
            {
                var coach = AddMember(db, tenantId, Role.Coach, now);
                var athlete = AddAthlete(db, tenantId, now);
                db.Invitations.Add(Invitation.Create(tenantId, $"{Guid.NewGuid():N}@example.test", Role.Guardian, athlete.Id, coach, SecretHash.Of(SecretHash.NewSecret()), now));
            },
            [typeof(Guardianship)] = (db, tenantId, now) =>
            {
                var guardian = AddMember(db, tenantId, Role.Guardian, now);
                db.Guardianships.Add(Guardianship.Create(tenantId, AddAthlete(db, tenantId, now).Id, guardian.Id, now));
            },
            [typeof(ApiKey)] = (db, tenantId, now) =>
            {
                var owner = AddMember(db, tenantId, Role.Owner, now);
                db.ApiKeys.Add(ApiKey.Create(tenantId, "Sample", [ApiScopes.AthletesRead], null, owner.UserId, "abcd", SecretHash.Of(SecretHash.NewSecret()), now));
            },
            [typeof(Import)] = (db, tenantId, now) => AddImport(db, tenantId, now),
            [typeof(ImportFile)] = (db, tenantId, now) => db.ImportFiles.Add(ImportFile.Add(AddImport(db, tenantId, now), 0, "ride.fit", new string('a', 64), 1234, now)),
            [typeof(Activity)] = (db, tenantId, now) => AddActivity(db, tenantId, now),
            [typeof(Recording)] = (db, tenantId, now) =>
            {
                var activity = AddActivity(db, tenantId, now);
                db.Recordings.Add(Recording.Create(activity, Facts(now), now));
            },
            [typeof(RecordingSegment)] = (db, tenantId, now) =>
            {
                var recording = Recording.Create(AddActivity(db, tenantId, now), Facts(now), now);
                db.Recordings.Add(recording);
                db.RecordingSegments.Add(RecordingSegment.Create(recording, SegmentKind.Lap, 0,
                    new SegmentFacts(now, 600, 590, 5000, "cycling", null, 8.4, 12, 140, 170, 85, 210, 480, 40, 38, 150)));
            },
            [typeof(ActivityMerge)] = (db, tenantId, now) =>
            {
                var target = AddActivity(db, tenantId, now);
                var absorbed = Activity.FromRecordingFacts(tenantId, target.AthleteId, Facts(now), "Same ride, other device", now);
                db.Activities.Add(absorbed);
                var recording = Recording.Create(absorbed, Facts(now), now);
                db.Recordings.Add(recording);
                db.ActivityMerges.Add(ActivityMerge.Perform(target, absorbed, [recording], null, now));
            },
            [typeof(PhysiologyEntry)] = (db, tenantId, now) =>
                db.PhysiologyEntries.Add(PhysiologyEntry.Create(tenantId, AddAthlete(db, tenantId, now).Id, new DateOnly(2026, 1, 1), new PhysiologyValues(FunctionalThresholdPower: 250), null, now)),
            [typeof(ActivityAnalysis)] = (db, tenantId, now) =>
            {
                var activity = AddActivity(db, tenantId, now);
                db.ActivityAnalyses.Add(ActivityAnalysis.Create(tenantId, activity.Id, activity.AthleteId, Day(now), "cycling", new AnalysisNumbers(80, "power-tss", 3500, 30000, 210, 140), "{}", now));
            },
            [typeof(ActivityCurve)] = (db, tenantId, now) =>
            {
                var activity = AddActivity(db, tenantId, now);
                db.ActivityCurves.Add(ActivityCurve.Create(tenantId, activity.Id, activity.AthleteId, "power", Day(now), 3600, [1, 2, 3]));
            },
            [typeof(ActivityBest)] = (db, tenantId, now) => AddBest(db, tenantId, now),
            [typeof(PersonalRecord)] = (db, tenantId, now) => db.PersonalRecords.Add(PersonalRecord.Create(AddBest(db, tenantId, now), null, now)),
            [typeof(DailyLoadEntry)] = (db, tenantId, now) =>
                db.DailyLoads.Add(DailyLoadEntry.Create(tenantId, AddAthlete(db, tenantId, now).Id, Day(now), 80, 40, 60, -20, 5, 1.2, 480, 1.5)),
            [typeof(AnalyticsState)] = (db, tenantId, now) => db.AnalyticsStates.Add(AnalyticsState.Create(tenantId, AddAthlete(db, tenantId, now).Id)),
            [typeof(CustomZones)] = (db, tenantId, now) =>
                db.CustomZones.Add(CustomZones.Create(tenantId, AddAthlete(db, tenantId, now).Id, "power", "[200,300]", null, now)),
            [typeof(AuditEvent)] = (db, tenantId, now) => db.AuditEvents.Add(AuditEvent.Record(tenantId, "sample.created", now, details: "{}")),
            [typeof(UsageCounter)] = (db, tenantId, now) => db.UsageCounters.Add(UsageCounter.Create(tenantId, PlanLimit.ImportsPerMonth, Day(now), 3)),
            [typeof(UsageEvent)] = (db, tenantId, now) => db.UsageEvents.Add(UsageEvent.Record(tenantId, PlanLimit.AiRequestsPerMonth, 1, "sample", now, tokens: 1200, costMicros: 3400, currency: "USD")),
            [typeof(Subscription)] = (db, tenantId, now) => db.Subscriptions.Add(Subscription.Mirror(tenantId, "sub_" + Guid.NewGuid().ToString("N"), "cus_sample", now)),
        }.Concat(BookingSamples.Builders).ToDictionary();

    public static Tenant NewTenant(DateTime now) =>
        Tenant.Create("Isolation " + Guid.NewGuid().ToString("N")[..6], TenantSlug.Parse("iso-" + Guid.NewGuid().ToString("N")[..10]), "pro", "Europe/Paris", now);

    private static Import AddImport(FormaDbContext db, Guid tenantId, DateTime now)
    {
        var import = Import.Start(tenantId, AddAthlete(db, tenantId, now).Id, null, 1, now);
        db.Imports.Add(import);
        return import;
    }

    private static DateOnly Day(DateTime now) => DateOnly.FromDateTime(now);

    private static ActivityBest AddBest(FormaDbContext db, Guid tenantId, DateTime now)
    {
        var activity = AddActivity(db, tenantId, now);
        var best = ActivityBest.Create(tenantId, activity.Id, activity.AthleteId, BestKeys.Power(300), 320, now);
        db.ActivityBests.Add(best);
        return best;
    }

    private static Activity AddActivity(FormaDbContext db, Guid tenantId, DateTime now)
    {
        var activity = Activity.FromRecordingFacts(tenantId, AddAthlete(db, tenantId, now).Id, Facts(now), "Morning ride", now);
        db.Activities.Add(activity);
        return activity;
    }

    private static RecordingFacts Facts(DateTime now) =>
        new(Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"), "ride.fit", "fit", "cycling", null, now, 3600, 30000, "garmin", "edge500", 1234, 3600, new string('b', 64));

    private static Athlete AddAthlete(FormaDbContext db, Guid tenantId, DateTime now)
    {
        var athlete = Athlete.Create(tenantId, "Sam", "Sample", now);
        db.Athletes.Add(athlete);
        return athlete;
    }

    private static Membership AddMember(FormaDbContext db, Guid tenantId, Role role, DateTime now)
    {
        var user = User.Create($"{Guid.NewGuid():N}@example.test", "Pat", "Member", now);
        var membership = Membership.Create(tenantId, user.Id, role, now);
        db.Users.Add(user);
        db.Memberships.Add(membership);
        return membership;
    }
}
