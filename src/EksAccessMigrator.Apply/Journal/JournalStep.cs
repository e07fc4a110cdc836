using System.Text.Json.Nodes;

namespace EksAccessMigrator.Apply.Journal;

/// <summary>What the journal says about one step: its intent (the change and the state before) and its last outcome.</summary>
internal sealed class JournalStep(string address)
{
    public string Address { get; } = address;

    /// <summary>Order of the intent record in the journal (for rollback in reverse).</summary>
    public int IntentSequence { get; set; } = -1;

    public JsonObject? Change { get; set; }

    public JsonObject? Before { get; set; }

    public JsonObject? After { get; set; }

    /// <summary><c>done</c>, <c>failed</c>, <c>skipped</c>, or null while in flight.</summary>
    public JournalRecordType? Outcome { get; set; }

    public bool HasIntent => Change is not null;

    public bool IsDone => Outcome == JournalRecordType.Done;

    /// <summary>An intent was written and no outcome after it: the process stopped during the step.</summary>
    public bool InFlight => HasIntent && Outcome is null;
}
