using Forma.Core;

namespace Forma.Web.Features.ApiKeys;

/// <summary>Keys are a person's business, never a key's: an owner's or admin's session manages them.</summary>
internal static class ApiKeyAccess
{
    public static void Ensure(Caller caller)
    {
        if (caller.ApiKeyId is not null || !caller.ManagesEveryone)
        {
            throw DomainException.Forbidden("Only owners and admins manage API keys.");
        }
    }
}
