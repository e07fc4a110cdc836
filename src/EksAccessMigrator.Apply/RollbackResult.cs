using System.Collections.Immutable;

namespace EksAccessMigrator.Apply;

/// <summary>The result of a rollback: per-step outcomes in the order they were undone (reverse of apply).</summary>
public sealed record RollbackResult(Refusal? Refusal, ImmutableArray<UndoOutcome> Steps, string JournalPath)
{
    /// <summary>What the operator should know about the run (e.g. a stale cluster lease taken over).</summary>
    public ImmutableArray<string> Notices { get; init; } = [];

    /// <summary>A signal stopped the rollback before every step was undone; run it again to continue.</summary>
    public bool Interrupted { get; init; }

    public int Restored => Steps.Count(s => s.Status is UndoStatus.Restored or UndoStatus.AlreadyRestored);

    /// <summary>Resources changed since the migration (left alone) and failed undo calls.</summary>
    public ImmutableArray<UndoOutcome> NeedsAttention => [.. Steps.Where(s => s.Status is UndoStatus.ChangedSince or UndoStatus.Failed)];

    public bool Succeeded => Refusal is null && !Interrupted && NeedsAttention.IsEmpty;
}
