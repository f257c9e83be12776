using Forma.Core.Audit;
using Forma.Data;
using Forma.Web.Features.Accounts;
using Forma.Web.Features.Athletes;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Lifecycle;

/// <summary>Everything Forma holds about a person (GDPR art. 15 and 20): their account and, per business, what is theirs there.</summary>
public sealed record AccountExportDocument(DateTime ExportedAt, ExportedAccount Account, IReadOnlyList<ExportedBusiness> Businesses);

public sealed record ExportedAccount(Guid Id, string Email, string FirstName, string LastName, DateTime CreatedAt, DateTime? EmailVerifiedAt, bool TwoFactorEnabled);

public sealed record ExportedBusiness(
    Guid TenantId,
    string Name,
    string Subdomain,
    string Role,
    DateTime JoinedAt,
    IReadOnlyList<AthleteResponse> AthleteRecords,
    IReadOnlyList<AthleteResponse> Dependents,
    IReadOnlyList<ExportedSession> Sessions,
    IReadOnlyList<ExportedEvent> Activity);

public sealed record ExportedSession(DateTime CreatedAt, DateTime ExpiresAt, DateTime? RevokedAt, string? IpAddress, string? UserAgent);

public sealed record ExportedEvent(DateTime OccurredAt, string Action, string? TargetId);

/// <summary>Builds the export, each business read in its own scope so nothing of anyone else's can slip in.</summary>
internal static class AccountExport
{
    public static async Task<AccountExportDocument> BuildAsync(FormaDbContext platformDb, IServiceScopeFactory scopes, Guid userId, DateTime now, CancellationToken cancellationToken)
    {
        var user = await platformDb.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken);
        var businesses = new List<ExportedBusiness>();
        await EveryBusiness.ForEachAsync(scopes, platformDb, userId, async (db, tenantId) =>
        {
            var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId, cancellationToken);
            var membership = await db.Memberships.AsNoTracking().SingleAsync(m => m.UserId == userId, cancellationToken);
            var records = await db.Athletes.AsNoTracking().Where(a => a.UserId == userId).ToListAsync(cancellationToken);
            var dependents = await db.Athletes.AsNoTracking()
                .Where(a => db.Guardianships.Any(g => g.AthleteId == a.Id && g.GuardianMembershipId == membership.Id)).ToListAsync(cancellationToken);
            var sessions = await db.RefreshTokens.AsNoTracking().Where(t => t.UserId == userId).OrderBy(t => t.CreatedAt)
                .Select(t => new ExportedSession(t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.IpAddress, t.UserAgent)).ToListAsync(cancellationToken);
            var activity = await db.AuditEvents.AsNoTracking().Where(e => e.ActorUserId == userId).OrderBy(e => e.OccurredAt)
                .Select(e => new ExportedEvent(e.OccurredAt, e.Action, e.TargetId)).ToListAsync(cancellationToken);
            businesses.Add(new ExportedBusiness(tenant.Id, tenant.DisplayName, tenant.Slug, membership.Role.ToString(), membership.CreatedAt,
                records.Select(AthleteResponse.From).ToList(), dependents.Select(AthleteResponse.From).ToList(), sessions, activity));

            db.AuditEvents.Add(AuditEvent.Record(tenantId, "account.exported", now, userId, userId.ToString()));
            await db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);

        return new AccountExportDocument(now, new ExportedAccount(user.Id, user.Email, user.FirstName, user.LastName, user.CreatedAt, user.EmailVerifiedAt, user.HasTotp), businesses);
    }
}
