using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;

namespace Forma.Data.DataProtection;

/// <summary>
/// Keeps the data-protection key ring in the database instead of one machine's disk, so every instance
/// behind the proxy protects and unprotects with the same keys. (The framework's EF Core store is not in
/// this registry; the contract is two methods.)
/// </summary>
internal sealed class DatabaseXmlRepository(IServiceScopeFactory scopes, TimeProvider clock) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FormaDbContext>();
        return db.DataProtectionKeys.Select(k => k.Xml).AsEnumerable().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FormaDbContext>();
        db.DataProtectionKeys.Add(DataProtectionKey.Create(friendlyName, element.ToString(SaveOptions.DisableFormatting), clock.GetUtcNow().UtcDateTime));
        db.SaveChanges();
    }
}
