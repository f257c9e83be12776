namespace Forma.Core.Plans;

/// <summary>
/// A business's plan as stored: the plan it was given (the trial's, or an operator's), when a trial ends, and what a
/// paid subscription grants with its payment grace. <see cref="CodeAt"/> computes the plan in force rather than a
/// job flipping it, so a trial ends to the second on every instance.
/// </summary>
public sealed record PlanState(string Plan, DateTime? TrialEndsAt, string? SubscriptionPlan, DateTime? PaymentGraceEndsAt)
{
    /// <summary>The plan that applies when nothing else does: no subscription, trial over.</summary>
    public const string Fallback = "free";

    /// <summary>A standing subscription (within its payment grace) wins; then a running trial; after a trial, Free; a business never on a trial keeps the plan it was given.</summary>
    public string CodeAt(DateTime now)
    {
        if (SubscriptionPlan is { } paid && (PaymentGraceEndsAt is not { } grace || now < grace))
        {
            return paid;
        }

        return TrialEndsAt is { } trialEnd && now >= trialEnd ? Fallback : Plan;
    }

    public bool OnTrialAt(DateTime now) => SubscriptionPlan is null && TrialEndsAt is { } end && now < end;
}
