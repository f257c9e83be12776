using System.Security.Cryptography;
using Forma.Core.Athletes;
using Forma.Core.Audit;
using Forma.Core.People;
using Forma.Core.Tenancy;
using Forma.Data;
using Forma.Data.Blobs;
using Forma.Data.Tenancy;
using Forma.Web.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Demo;

/// <summary>One person the demo creates, with the password that was generated for them.</summary>
public sealed record DemoLogin(string Role, string Name, string Email, string Password);

/// <summary>
/// Creates a demo business (an owner, a coach, two athletes) so a newcomer sees a living product.
/// It only ever seeds an empty database: on a database that has any business it does nothing, so the
/// switch is safe to leave on. Passwords are random per seeding and shown once, on the console.
/// </summary>
internal sealed class DemoSeeder(IServiceScopeFactory scopes, PasswordHashing passwords, TimeProvider clock)
{
    public const string Slug = "demo";

    public async Task<IReadOnlyList<DemoLogin>> SeedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FormaDbContext>();
        if (await db.Tenants.AnyAsync(cancellationToken))
        {
            return [];
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var tenant = Tenant.Create("Forma Demo Studio", TenantSlug.Parse(Slug), "pro", "Europe/London", now);
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync(cancellationToken);
        scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(tenant.Id);

        var logins = new List<DemoLogin>();
        var people = new[]
        {
            (Role: Role.Owner, First: "Olivia", Last: "Owner", Email: "owner@demo.forma.test"),
            (Role: Role.Coach, First: "Carlos", Last: "Coach", Email: "coach@demo.forma.test"),
            (Role: Role.Athlete, First: "Ada", Last: "Athlete", Email: "ada@demo.forma.test"),
            (Role: Role.Athlete, First: "Ben", Last: "Runner", Email: "ben@demo.forma.test"),
        };
        // Each hash takes ~0.4 s by design (210,000 PBKDF2 rounds); computing them side by side keeps start-up short.
        var users = people.AsParallel().AsOrdered().Select(p => CreateUser(p.First, p.Last, p.Email, now)).ToList();
        var members = people.Zip(users, (p, u) => AddPerson(db, tenant, p.Role, u, now, logins)).ToList();
        var owner = members[0];
        var coach = members[1];
        foreach (var (user, _) in members.Where(m => m.Membership.Role == Role.Athlete))
        {
            var athlete = Athlete.Create(tenant.Id, user.FirstName, user.LastName, now);
            athlete.SetEmail(user.Email);
            athlete.LinkUser(user.Id);
            athlete.AssignCoach(coach.Membership);
            db.Athletes.Add(athlete);
        }

        db.AuditEvents.Add(AuditEvent.Record(tenant.Id, "tenant.demo-seeded", now, owner.User.Id, tenant.Id.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        var blobs = scope.ServiceProvider.GetRequiredService<BlobStore>();
        foreach (var athlete in db.ChangeTracker.Entries<Athlete>().Select(e => e.Entity).ToList())
        {
            await DemoActivities.QueueAsync(db, blobs, tenant.Id, athlete.Id, rides: athlete.FirstName == "Ada", now, cancellationToken);
        }

        return logins;
    }

    private (User User, string Password) CreateUser(string first, string last, string email, DateTime now)
    {
        var user = User.Create(email, first, last, now);
        var password = RandomPassword();
        user.SetPasswordHash(passwords.Hash(user, password));
        return (user, password);
    }

    private static (User User, Membership Membership) AddPerson(FormaDbContext db, Tenant tenant, Role role, (User User, string Password) person, DateTime now, List<DemoLogin> logins)
    {
        var (user, password) = person;
        var membership = Membership.Create(tenant.Id, user.Id, role, now);
        db.Users.Add(user);
        db.Memberships.Add(membership);
        logins.Add(new DemoLogin(role.ToString(), $"{user.FirstName} {user.LastName}", user.Email, password));
        return (user, membership);
    }

    /// <summary>16 characters from an alphabet without look-alikes (no 0/O, 1/l/I).</summary>
    private static string RandomPassword() =>
        RandomNumberGenerator.GetString("abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16);
}
