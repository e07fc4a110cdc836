using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Apply;

/// <summary>Ignores every event.</summary>
public sealed class NullApplyProgress : IApplyProgress
{
    public static NullApplyProgress Instance { get; } = new();

    public void StepStarted(int index, PlanChange change)
    {
    }

    public void StepFinished(StepOutcome outcome)
    {
    }

    public void UndoFinished(UndoOutcome outcome)
    {
    }
}
