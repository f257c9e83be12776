using Forma.Core;
using Forma.Core.Accounts;
using Forma.Core.Audit;
using Forma.Core.Booking;
using Forma.Core.Plans;
using Forma.Data;
using Microsoft.EntityFrameworkCore;

namespace Forma.Web.Features.Booking;

/// <summary>Staff record a participant's credential (waiver, medical clearance, vaccination) after seeing the document.</summary>
internal sealed class AddCredential(FormaDbContext db, PlanGate plan, CurrentBusiness business, TimeProvider clock) : IUseCase
{
    public async Task<CredentialResponse> RunAsync(Caller caller, Guid athleteId, CredentialRequest request, CancellationToken cancellationToken)
    {
        caller.RequireScope(ApiScopes.BookingsWrite);
        plan.EnsureFeature(PlanFeature.Booking);
        if (!caller.IsStaff)
        {
            throw DomainException.Forbidden("Staff record credentials, after seeing the document.");
        }

        RequestValidation.Ensure(request);
        if (!await db.Athletes.AnyAsync(a => a.Id == athleteId, cancellationToken))
        {
            throw DomainException.NotFound("athlete");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var credential = Credential.Create(business.Tenant.Id, athleteId, request.Kind, request.ValidFrom, request.ExpiresOn, request.Note, now);
        db.Credentials.Add(credential);
        db.AuditEvents.Add(AuditEvent.Record(credential.TenantId, "credential.added", now, caller.UserId, athleteId.ToString()));
        await db.SaveChangesAsync(cancellationToken);
        return CredentialResponse.From(credential);
    }
}
