using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using EksAccessMigrator.Apply;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Cli.Views;

/// <summary>
/// Step-by-step output of apply and rollback: a line per step for people (on standard error, so standard output keeps
/// the summary), or one JSON event per line on standard output for scripts.
/// </summary>
public sealed class ApplyProgressView(TextWriter writer, bool json, int total) : IApplyProgress
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Lock _gate = new();

    public void StepStarted(int index, PlanChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (!json)
        {
            Write($"… [{index + 1}/{total}] {change.Action} {Text.Safe(change.Address)}");
        }
    }

    public void StepFinished(StepOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Write(json
            ? JsonSerializer.Serialize(new { @event = "step", outcome.Index, outcome.Address, outcome.Action, status = outcome.Status.ToString().ToLowerInvariant(), outcome.Message, elapsedMs = (long)outcome.Elapsed.TotalMilliseconds }, Options)
            : $"{Mark(outcome.Status.ToString())} [{outcome.Index + 1}/{total}] {outcome.Action} {Text.Safe(outcome.Address)}: {Text.Safe(outcome.Message)} ({outcome.Elapsed.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture)} ms)");
    }

    public void UndoFinished(UndoOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Write(json
            ? JsonSerializer.Serialize(new { @event = "undo", outcome.Address, outcome.Action, status = outcome.Status.ToString().ToLowerInvariant(), outcome.Message }, Options)
            : $"{Mark(outcome.Status.ToString())} undo {outcome.Action} {Text.Safe(outcome.Address)}: {Text.Safe(outcome.Message)}");
    }

    private static string Mark(string status) => status switch
    {
        "Done" or "Restored" or "AlreadyRestored" => "✓",
        "Failed" or "ChangedSince" => "✗",
        "Skipped" or "NothingToUndo" or "Kept" or "Irreversible" => "-",
        _ => "·",
    };

    private void Write(string line)
    {
        lock (_gate)
        {
            writer.WriteLine(line);
        }
    }
}
