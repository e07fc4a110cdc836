using System.Collections.Concurrent;

namespace EksAccessMigrator.Live.Tests.Support;

/// <summary>Every progress event of a scan, as text.</summary>
internal sealed class RecordingProgress : IScanProgress
{
    public ConcurrentQueue<string> Events { get; } = new();

    public void StepStarted(ScanStep step) => Events.Enqueue($"started {step}");

    public void StepAdvanced(ScanStep step, int itemsSoFar) => Events.Enqueue($"advanced {step} {itemsSoFar}");

    public void StepFinished(ScanStep step, int items) => Events.Enqueue($"finished {step} {items}");

    public void StepSkipped(ScanStep step, string reason) => Events.Enqueue($"skipped {step}: {reason}");

    public void Retrying(string operation, int attempt, TimeSpan delay) => Events.Enqueue($"retrying {operation} attempt {attempt} after {delay}");
}
