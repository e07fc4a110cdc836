using System.Collections.Concurrent;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Apply.Tests.Support;

internal sealed class RecordingProgress : IApplyProgress
{
    public ConcurrentQueue<string> Events { get; } = new();

    public void StepStarted(int index, PlanChange change) => Events.Enqueue($"started {change.Address}");

    public void StepFinished(StepOutcome outcome) => Events.Enqueue($"{outcome.Status} {outcome.Address}");

    public void UndoFinished(UndoOutcome outcome) => Events.Enqueue($"undo {outcome.Status} {outcome.Address}");
}
