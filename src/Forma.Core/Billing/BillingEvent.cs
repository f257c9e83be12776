namespace Forma.Core.Billing;

/// <summary>
/// A webhook event from the payment provider, kept once by its id (a redelivery finds it and changes nothing) with
/// its payload, what it was applied to and the outcome. Platform-level: an event may name no business we know.
/// </summary>
public sealed class BillingEvent
{
    public const int OutcomeMaxLength = 200;

    public string Id { get; private set; } = "";
    public string Type { get; private set; } = "";
    public Guid? TenantId { get; private set; }
    public DateTime ProviderCreatedAt { get; private set; }
    public DateTime ReceivedAt { get; private set; }
    public string Outcome { get; private set; } = "";
    public string Payload { get; private set; } = "";

    private BillingEvent()
    {
    }

    public static BillingEvent Receive(string id, string type, DateTime providerCreatedAt, string payload, DateTime now) =>
        new() { Id = id, Type = type, ProviderCreatedAt = providerCreatedAt, Payload = payload, ReceivedAt = now, Outcome = "received" };

    public void Settle(Guid? tenantId, string outcome)
    {
        TenantId = tenantId;
        Outcome = outcome.Length > OutcomeMaxLength ? outcome[..OutcomeMaxLength] : outcome;
    }
}
