using Forma.Core.Audit;
using Forma.Data.BackgroundJobs;

namespace Forma.Data.Tests.BackgroundJobs;

/// <summary>
/// A job whose effect is visible in the database: it records an audit event named after the job, in the
/// job's tenant and transaction. Counting those events counts how many runs took effect.
/// </summary>
public sealed record ProbeJob(string Label, int FailTimes = 0) : IJobPayload
{
    public static string JobType => "test.probe";
}

/// <summary>Lets a test hold a run in the middle (after its effect, before completion) and see when it got there.</summary>
public sealed class ProbeGate
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public bool Hold { get; init; }

    /// <summary>Whether a held run gives up when its cancellation token fires (a well-behaved handler does).</summary>
    public bool HonourCancellation { get; init; }
}

internal sealed class ProbeJobHandler(ProbeGate gate, TimeProvider clock) : IJobHandler<ProbeJob>
{
    public const string Action = "probe.ran";

    public async Task HandleAsync(ProbeJob payload, JobContext context, CancellationToken cancellationToken)
    {
        context.Db.AuditEvents.Add(AuditEvent.Record(context.TenantId!.Value, Action, clock.GetUtcNow().UtcDateTime, targetId: context.JobId.ToString(), details: payload.Label));
        await context.Db.SaveChangesAsync(cancellationToken);
        if (context.Attempt <= payload.FailTimes)
        {
            throw new InvalidOperationException($"Planned failure {context.Attempt} of {payload.FailTimes}.");
        }

        if (gate.Hold)
        {
            gate.Started.TrySetResult();
            // Unless told otherwise, deaf to cancellation: a crashed or stalled worker does not get to clean up.
            await (gate.HonourCancellation ? gate.Release.Task.WaitAsync(cancellationToken) : gate.Release.Task);
        }
    }
}
