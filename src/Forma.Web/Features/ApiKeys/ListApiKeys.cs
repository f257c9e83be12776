using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.ApiKeys;

/// <summary>The business's keys, newest first, without their secrets.</summary>
internal sealed class ListApiKeys(FormaDbContext db) : IUseCase
{
    public async Task<List<ApiKeyInfo>> RunAsync(Caller caller, CancellationToken cancellationToken)
    {
        ApiKeyAccess.Ensure(caller);
        var keys = await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt).ToListAsync(cancellationToken);
        return keys.Select(ApiKeyInfo.From).ToList();
    }
}
