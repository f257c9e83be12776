using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Forma.Data.Blobs;

/// <summary>Clears what a crash left in <c>incoming</c> when an instance starts; the daily collection does it again for instances that run for weeks.</summary>
internal sealed partial class IncomingSweepAtStart(BlobCollector collector, ILogger<IncomingSweepAtStart> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var swept = collector.SweepIncoming();
        if (swept > 0)
        {
            LogSwept(swept);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} unfinished uploads left in blob storage's incoming folder")]
    private partial void LogSwept(int count);
}
