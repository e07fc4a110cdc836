using System.Collections.Immutable;

namespace EksAccessMigrator.Apply;

/// <summary>
/// The result of apply: refused (nothing written), nothing left to do (every change in effect, nothing written),
/// or the per-step outcomes and the journal's path.
/// </summary>
/// <param name="Refusal">Why nothing was done; null when the run started.</param>
/// <param name="Steps">Every step's outcome, in execution order.</param>
/// <param name="JournalPath">The journal written (null for a dry run or a refusal).</param>
/// <param name="DryRun">Whether this was a dry run.</param>
public sealed record ApplyResult(Refusal? Refusal, ImmutableArray<StepOutcome> Steps, string? JournalPath, bool DryRun)
{
    public bool Refused => Refusal is not null;

    /// <summary>Every change of the plan was found in effect (or done in an earlier run): no call was made, no journal written.</summary>
    public bool NothingLeftToDo { get; init; }

    /// <summary>The run stopped starting new steps (a signal, or the cluster lease was lost): some steps did not start.</summary>
    public bool Interrupted { get; init; }

    /// <summary>The cluster lease was lost while the run went on (another run took it).</summary>
    public bool LeaseLost { get; init; }

    /// <summary>What the operator should know about the run (e.g. a stale cluster lease taken over).</summary>
    public ImmutableArray<string> Notices { get; init; } = [];

    public int Done => Count(StepStatus.Done);

    public int Skipped => Count(StepStatus.Skipped);

    public int Failed => Count(StepStatus.Failed);

    /// <summary>Steps stopped before their write because their object changed since the plan was made.</summary>
    public int Stale => Count(StepStatus.Stale);

    /// <summary>Every write call of a dry run, in order.</summary>
    public ImmutableArray<PlannedCall> PlannedCalls => [.. Steps.Where(s => s.Status == StepStatus.WouldRun).SelectMany(s => s.Calls)];

    /// <summary>True when the run was not refused or interrupted and no step failed or was stale.</summary>
    public bool Succeeded => !Refused && !Interrupted && Failed == 0 && Stale == 0;

    private int Count(StepStatus status) => Steps.Count(s => s.Status == status);
}
