using System.Collections.Immutable;

namespace EksAccessMigrator.Core.Plans;

/// <summary>Counts for a plan's readers; always computed from the plan's contents, never written by hand.</summary>
public sealed record PlanSummary(
    int Changes,
    int Irreversible,
    ImmutableSortedDictionary<string, int> ChangesByAction,
    int NoOps,
    int Blockers,
    int Warnings,
    int Infos)
{
    public static PlanSummary Of(ImmutableArray<PlanChange> changes, ImmutableArray<PlanNoOp> noOps, ImmutableArray<Finding> findings) =>
        new(
            changes.Length,
            changes.Count(c => !c.Reversible),
            changes.GroupBy(c => c.Action).ToImmutableSortedDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
            noOps.Length,
            findings.Count(f => f.Severity == Severity.Blocker),
            findings.Count(f => f.Severity == Severity.Warning),
            findings.Count(f => f.Severity == Severity.Info));

    /// <summary>Structural equality (the dictionary compares by reference otherwise).</summary>
    public bool SameCounts(PlanSummary other) =>
        Changes == other.Changes && Irreversible == other.Irreversible && NoOps == other.NoOps
        && Blockers == other.Blockers && Warnings == other.Warnings && Infos == other.Infos
        && ChangesByAction.Count == other.ChangesByAction.Count
        && ChangesByAction.All(kv => other.ChangesByAction.TryGetValue(kv.Key, out var n) && n == kv.Value);
}
