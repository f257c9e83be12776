using Forma.Data.Migrations;
using Forma.Data.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Forma.Data.Accounts;

/// <summary>Which businesses a person belongs to, asked before any tenant is chosen (sign-in).</summary>
public static class MembershipLookup
{
    public static Task<List<Guid>> TenantsOfAsync(FormaDbContext db, Guid userId, CancellationToken cancellationToken) =>
        db.Database.IsNpgsql()
            // Row-level security hides memberships from a session with no tenant; the owner's function answers this one question.
            // The function's name is SQL text, not a parameter: it is spelled out here and pinned to the migration's constant below.
            ? db.Database.SqlQuery<Guid>($"SELECT tenant_id AS \"Value\" FROM forma_tenants_of_user({userId})").ToListAsync(cancellationToken)
            : db.Memberships.IgnoreQueryFilters([TenantQueryFilter.Name]).Where(m => m.UserId == userId).Select(m => m.TenantId).ToListAsync(cancellationToken);

    /// <summary>Kept beside the SQL above so a rename of the function shows up here (an interpolated name would be sent as a parameter).</summary>
    public const string Function = DatabaseSecurity.MembershipLookupFunction;
}
