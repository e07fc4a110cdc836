using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Apply;

/// <summary>Receives step events for the CLI's views (terminal progress or one JSON event per step). Called concurrently.</summary>
public interface IApplyProgress
{
    void StepStarted(int index, PlanChange change);

    void StepFinished(StepOutcome outcome);

    void UndoFinished(UndoOutcome outcome);
}
