using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using System.Text.Json;
using Forma.Core.Audit;
using Forma.Core.Billing;
using Forma.Core.Tenancy;
using Forma.Data;
using Forma.Data.Tenancy;
using Forma.Web.Infrastructure.Endpoints;
using Forma.Web.Infrastructure.Problems;
using Forma.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forma.Web.Features.Billing;

public sealed record CheckoutStart([property: Required, StringLength(40)] string Plan, [property: AllowedValues("month", "year")] string Interval = "month");

public sealed record BillingRedirect(string Url);

public sealed record SubscriptionView(string Id, string Status, string? Plan, DateTime? CurrentPeriodEnd, bool CancelAtPeriodEnd, DateTime? PaymentFailedAt);

public sealed record WebhookReceipt(bool Received, bool Duplicate, string Outcome);

/// <summary>
/// Selling plans through the payment provider: owners start a checkout or open the provider's customer portal; the
/// provider reports what happened through a signed webhook, which is applied once per event id, in any order.
/// HTTP adapters over <see cref="StartCheckout"/>, <see cref="OpenBillingPortal"/> and <see cref="ListSubscriptions"/>; the webhook is the provider's door, not a caller's.
/// </summary>
internal sealed class BillingEndpoints : IEndpointGroup
{
    public void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/billing/webhook", Webhook).AllowAnonymous().WithTags("Billing").WithName("BillingWebhook")
            .WithSummary("The payment provider's events (Stripe-compatible, verified by the Stripe-Signature header)")
            .Produces<WebhookReceipt>().ProducesProblem(StatusCodes.Status400BadRequest);
        var group = app.MapGroup("/api/v1/billing").WithTags("Billing").RequireTenant().RequireAuthorization()
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);
        group.MapPost("/checkout", Checkout).WithName("StartCheckout").WithSummary("Start the provider's checkout for a plan (owners); answers the URL to send the owner to")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status502BadGateway);
        group.MapPost("/portal", Portal).WithName("OpenBillingPortal").WithSummary("Open the provider's customer portal (owners): invoices, card, cancellation")
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status502BadGateway);
        group.MapGet("/subscriptions", Subscriptions).WithName("ListSubscriptions").WithSummary("The business's subscriptions as the provider last reported them (owners and admins)");
    }

    private static async Task<IResult> Webhook(
        HttpRequest request, FormaDbContext db, TenantScope scope, SubscriptionSync sync, IOptions<BillingOptions> options, TenantDirectory directory, TimeProvider clock, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        var payload = buffer.ToArray();
        var settings = options.Value;
        if (WebhookSignature.Verify(request.Headers["Stripe-Signature"], payload, settings.WebhookSecrets, clock.GetUtcNow(), TimeSpan.FromSeconds(settings.SignatureToleranceSeconds)) is { } why)
        {
            return ProblemDetailsSetup.Problem(StatusCodes.Status400BadRequest, ProblemTypes.For("bad-signature"), "The webhook's signature does not verify.", why);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload);
        }
        catch (JsonException e)
        {
            return ProblemDetailsSetup.FieldProblem("body", "Not JSON: " + e.Message);
        }

        using (document)
        {
            var root = document.RootElement;
            if (EventFields.Text(root, "id", "") is not { } eventId || EventFields.Text(root, "type", "", maxLength: 100) is not { } type
                || EventFields.UnixTime(root, "created", "") is not { } providerTime
                || EventFields.Object(root, "data", "") is not { } data || EventFields.Object(data, "object", "data") is not { } subject)
            {
                return ProblemDetailsSetup.FieldProblem("body", "An event needs id, type, created and data.object.");
            }

            if (await db.BillingEvents.AnyAsync(e => e.Id == eventId, cancellationToken))
            {
                return TypedResults.Ok(new WebhookReceipt(true, true, "already applied"));
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var tenant = await FindTenantAsync(db, subject, cancellationToken);
            if (tenant is not null)
            {
                scope.Enter(tenant.Id);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var received = BillingEvent.Receive(eventId, type, providerTime, System.Text.Encoding.UTF8.GetString(payload), now);
            db.BillingEvents.Add(received);
            var outcome = tenant is null ? "unmatched: names no known business" : await sync.ApplyAsync(tenant, type, subject, providerTime, now, cancellationToken);
            received.Settle(tenant?.Id, outcome);
            if (tenant is not null)
            {
                db.AuditEvents.Add(AuditEvent.Record(tenant.Id, "billing.event", now, null, eventId, JsonSerializer.Serialize(new { type, outcome })));
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                if (!await db.BillingEvents.AnyAsync(e => e.Id == eventId, cancellationToken))
                {
                    throw;
                }

                // The same event arrived twice at once and the other delivery committed first.
                return TypedResults.Ok(new WebhookReceipt(true, true, "already applied"));
            }

            if (tenant is not null)
            {
                directory.Forget(tenant.Id);
            }

            return TypedResults.Ok(new WebhookReceipt(true, false, outcome));
        }

    }

    /// <summary>The business an event's object belongs to: our id in its metadata (or the checkout's reference), else its customer.</summary>
    private static async Task<Tenant?> FindTenantAsync(FormaDbContext db, JsonElement subject, CancellationToken cancellationToken)
    {
        var reference = EventFields.Object(subject, "metadata", SubscriptionSync.Subject) is { } metadata ? EventFields.Text(metadata, "tenant_id", SubscriptionSync.Subject + ".metadata") : null;
        reference ??= SubscriptionSync.Text(subject, "client_reference_id");
        if (Guid.TryParse(reference, out var tenantId) && await db.Tenants.SingleOrDefaultAsync(t => t.Id == tenantId, cancellationToken) is { } named)
        {
            return named;
        }

        return SubscriptionSync.Text(subject, "customer") is { } customer
            ? await db.Tenants.SingleOrDefaultAsync(t => t.BillingCustomerId == customer, cancellationToken)
            : null;
    }

    private static async Task<Ok<BillingRedirect>> Checkout(CheckoutStart start, ClaimsPrincipal user, StartCheckout checkout, CancellationToken cancellationToken) =>
        TypedResults.Ok(await checkout.RunAsync(Caller.From(user), start, cancellationToken));

    private static async Task<Ok<BillingRedirect>> Portal(ClaimsPrincipal user, OpenBillingPortal portal, CancellationToken cancellationToken) =>
        TypedResults.Ok(await portal.RunAsync(Caller.From(user), cancellationToken));

    private static async Task<Ok<List<SubscriptionView>>> Subscriptions(ClaimsPrincipal user, ListSubscriptions list, CancellationToken cancellationToken) =>
        TypedResults.Ok(await list.RunAsync(Caller.From(user), cancellationToken));
}
