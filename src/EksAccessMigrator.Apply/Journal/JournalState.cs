using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

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

    /// <summary>Reads a journal. A last line cut short by a crash is ignored; any other bad line is an error.</summary>
    public static JournalState Read(string path)
    {
        var state = new JournalState();
        var lines = File.ReadAllText(path, Encoding.UTF8).Split('\n');
        var sequence = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            JsonObject record;
            try
            {
                record = JsonNode.Parse(lines[i]) as JsonObject ?? throw new JsonException("not an object");
            }
            catch (JsonException) when (i == lines.Length - 1)
            {
                break;
            }
            catch (JsonException e)
            {
                throw new InvalidDataException($"{path}:{i + 1}: not a journal record: {e.Message}", e);
            }

            state.Apply(record, sequence++);
        }

        return state;
    }

    private void Apply(JsonObject record, int sequence)
    {
        var type = record["type"]?.GetValue<string>();
        var address = record["address"]?.GetValue<string>();
        switch (type)
        {
            case JournalRecords.Header:
                Header ??= record;
                break;
            case JournalRecords.Intent when address is not null:
                var step = Step(address);
                if (!step.HasIntent || step.Outcome is not null)
                {
                    step.IntentSequence = sequence;
                    step.Change = record["change"]?.AsObject();
                    step.Before = record["before"]?.AsObject();
                    step.Outcome = null;
                }

                break;
            case JournalRecords.Done or JournalRecords.Failed or JournalRecords.Skipped when address is not null:
                var outcome = Step(address);
                outcome.Outcome = type;
                if (record["after"] is JsonObject after)
                {
                    outcome.After = after;
                }

                break;
            case JournalRecords.RollbackStarted:
                RollbackStarted = true;
                break;
            case JournalRecords.UndoDone when address is not null:
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
