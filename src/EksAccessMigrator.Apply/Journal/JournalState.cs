using System.Text.Json;
using System.Text.Json.Nodes;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Apply.Journal;

/// <summary>A journal read back: its header, every step's intent and outcome, and the rollback's progress.</summary>
internal sealed class JournalState
{
    private readonly Dictionary<string, JournalStep> _steps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonObject> _undone = new(StringComparer.Ordinal);

    public JsonObject? Header { get; private set; }

    public bool RollbackStarted { get; private set; }

    public IReadOnlyDictionary<string, JournalStep> Steps => _steps;

    /// <summary>Steps whose undo finished, with the undo-done record.</summary>
    public IReadOnlyDictionary<string, JsonObject> Undone => _undone;

    public string? PlanHash => Header?["planHash"]?.GetValue<string>();

    public string? ClusterName => Header?["cluster"]?["name"]?.GetValue<string>();

    /// <summary>Bytes of the journal up to the end of its last whole record (what an append continues from).</summary>
    public long ValidLength { get; private set; }

    /// <summary>The hash of the last whole record (the next record's <c>prev</c>); null for an empty journal.</summary>
    public string? LastHash { get; private set; }

    /// <summary>Reads a journal. A last line cut short by a crash is ignored; any other bad line is an error.</summary>
    public static JournalState Read(string path) => Read(File.ReadAllBytes(path), path);

    /// <summary>
    /// Reads a journal from its bytes and checks its hash chain (<see cref="JournalChain"/>): a broken or missing
    /// chain is a <see cref="JournalIntegrityException"/>. A last line without its line end (cut short by a crash
    /// before its fsync finished) is ignored.
    /// </summary>
    public static JournalState Read(byte[] bytes, string path)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var state = new JournalState();
        var sequence = 0;
        var start = 0;
        var lineNumber = 0;
        while (start < bytes.Length)
        {
            lineNumber++;
            var end = Array.IndexOf(bytes, (byte)'\n', start);
            if (end < 0)
            {
                break;
            }

            var line = bytes.AsSpan(start, end - start);
            var next = end + 1;
            if (line.Length > 0)
            {
                JsonObject record;
                try
                {
                    record = JsonNode.Parse(line) as JsonObject ?? throw new JsonException("not an object");
                }
                catch (JsonException e)
                {
                    throw new JournalIntegrityException($"{path}:{lineNumber}: not a journal record: {e.Message}", e);
                }

                state.CheckChain(record, path, lineNumber);
                state.Apply(record, sequence++);
                state.LastHash = JournalChain.Hash(line);
            }

            state.ValidLength = next;
            start = next;
        }

        return state;
    }

    private void CheckChain(JsonObject record, string path, int lineNumber)
    {
        var prev = record[JournalChain.Field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        var type = record["type"] is JsonValue t && t.TryGetValue<string>(out var typeText) && WireNames.TryParse<JournalRecordType>(typeText, out var known) ? known : (JournalRecordType?)null;
        if (LastHash is null)
        {
            var planHash = record["planHash"] is JsonValue h && h.TryGetValue<string>(out var hashText) ? hashText : null;
            if (type != JournalRecordType.Header || planHash is null)
            {
                throw new JournalIntegrityException($"{path}:{lineNumber}: the journal does not start with its header record.");
            }

            if (prev is null)
            {
                throw new JournalIntegrityException($"{path}:{lineNumber}: the journal has no hash chain (written by an older version of eks-access-migrator?); it cannot be trusted.");
            }

            if (!string.Equals(prev, planHash, StringComparison.Ordinal))
            {
                throw new JournalIntegrityException($"{path}:{lineNumber}: the header's chain anchor is not the plan's hash; the journal was edited.");
            }

            return;
        }

        if (!string.Equals(prev, LastHash, StringComparison.Ordinal))
        {
            throw new JournalIntegrityException($"{path}:{lineNumber}: the hash chain breaks here (the record does not follow the one before it): the journal was edited, truncated or written by two runs at once.");
        }
    }

    private void Apply(JsonObject record, int sequence)
    {
        var type = WireNames.TryParse<JournalRecordType>(record["type"]?.GetValue<string>(), out var known) ? known : (JournalRecordType?)null;
        var address = record["address"]?.GetValue<string>();
        switch (type)
        {
            case JournalRecordType.Header:
                Header ??= record;
                break;
            case JournalRecordType.Intent when address is not null:
                var step = Step(address);
                if (!step.HasIntent || step.Outcome is not null)
                {
                    step.IntentSequence = sequence;
                    step.Change = record["change"]?.AsObject();
                    step.Before = record["before"]?.AsObject();
                    step.Outcome = null;
                }

                break;
            case JournalRecordType.Done or JournalRecordType.Failed or JournalRecordType.Skipped when address is not null:
                var outcome = Step(address);
                outcome.Outcome = type;
                if (record["after"] is JsonObject after)
                {
                    outcome.After = after;
                }

                break;
            case JournalRecordType.RollbackStarted:
                RollbackStarted = true;
                break;
            case JournalRecordType.UndoDone when address is not null:
                _undone[address] = record;
                break;
            default:
                break;
        }
    }

    private JournalStep Step(string address)
    {
        if (!_steps.TryGetValue(address, out var step))
        {
            step = new JournalStep(address);
            _steps.Add(address, step);
        }

        return step;
    }
}
