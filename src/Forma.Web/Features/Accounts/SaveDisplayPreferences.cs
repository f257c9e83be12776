using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Accounts;

/// <summary>The display preferences as saved: an unknown time zone is dropped (the stored one stays).</summary>
public sealed record SavedDisplayPreferences(bool Imperial, string? TimeZone);

/// <summary>Stores units and time zone on the person, so they follow them to every device and business.</summary>
internal sealed class SaveDisplayPreferences(FormaDbContext db) : IUseCase
{
    public async Task<SavedDisplayPreferences> RunAsync(Caller caller, bool imperial, string? timeZone, CancellationToken cancellationToken)
    {
        // A stale or hand-edited form field is ignored rather than refused: the units still get saved.
        var zone = timeZone is { Length: > 0 } z && TimeZoneInfo.TryFindSystemTimeZoneById(z, out _) ? z : null;
        var user = await db.Users.SingleAsync(u => u.Id == caller.UserId, cancellationToken);
        user.SetPreferences(imperial, zone);
        await db.SaveChangesAsync(cancellationToken);
        return new SavedDisplayPreferences(imperial, zone);
    }
}
