using System.Collections.Immutable;
using System.Text.Json.Nodes;
using EksAccessMigrator.Apply.Handlers;
using EksAccessMigrator.Apply.Journal;

namespace EksAccessMigrator.Apply;

/// <summary>
/// Undoes what a journal records, in reverse order, restoring only what is still as the migration left it; writes
/// its own records to the same journal so an interrupted rollback resumes where it stopped.
/// </summary>
public sealed class RollbackExecutor
{
    private readonly ApplyClients _clients;
    private readonly ApplyOptions _options;
    private readonly IApplyProgress _progress;

    public RollbackExecutor(ApplyClients clients, ApplyOptions options, IApplyProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _clients = clients;
        _options = options;
        _progress = progress ?? NullApplyProgress.Instance;
    }

    public async Task<RollbackResult> RollbackAsync(string journalPath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(journalPath);
        var journal = JournalState.Read(journalPath);
        var header = journal.Header;
        if (header is null || journal.ClusterName is not { } clusterName || journal.PlanHash is not { } planHash)
        {
            return new RollbackResult(Refusal.Of(RefusalReason.JournalMismatch, $"{journalPath} has no journal header."), [], journalPath);
        }

        var cluster = new Core.Plans.PlanCluster(clusterName, Json.Text(header["cluster"]?.AsObject(), "region") ?? string.Empty, Json.Text(header["cluster"]?.AsObject(), "accountId") ?? string.Empty, string.Empty, string.Empty);
        if (await Preflight.CheckClusterAsync(_clients, cluster, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return new RollbackResult(refusal, [], journalPath);
        }

        var context = new StepContext(_clients, clusterName, planHash, _options);
        var steps = journal.Steps.Values.Where(s => s.HasIntent).OrderByDescending(s => s.IntentSequence).ToList();
        var outcomes = new List<UndoOutcome>();
        using var writer = JournalWriter.Open(journalPath, _options.TimeProvider);
        if (!journal.RollbackStarted)
        {
            writer.Append(JournalRecords.RollbackStarted, []);
        }

        foreach (var step in steps)
        {
            var change = ChangeCodec.Read(step.Change!);
            UndoOutcome outcome;
            if (journal.Undone.TryGetValue(step.Address, out var record))
            {
                outcome = new UndoOutcome(step.Address, change.Action, Enum.Parse<UndoStatus>(Json.Text(record, "status") ?? nameof(UndoStatus.Failed)), Json.Text(record, "message") ?? string.Empty);
            }
            else
            {
                Crash(writer, CrashPoint.BeforeStep, step.Address);
                writer.Append(JournalRecords.UndoIntent, new JsonObject { ["address"] = step.Address, ["action"] = change.Action });
                Crash(writer, CrashPoint.AfterIntent, step.Address);
                try
                {
                    outcome = await ChangeHandlers.UndoAsync(change, step.Before, step.After, context, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (StepRunner.IsStepFailure(e))
                {
                    outcome = new UndoOutcome(step.Address, change.Action, UndoStatus.Failed, $"{e.Message}; run rollback again");
                }

                Crash(writer, CrashPoint.AfterCall, step.Address);
                if (outcome.Status != UndoStatus.Failed)
                {
                    writer.Append(JournalRecords.UndoDone, new JsonObject { ["address"] = step.Address, ["action"] = change.Action, ["status"] = outcome.Status.ToString(), ["message"] = outcome.Message });
                }
            }

            outcomes.Add(outcome);
            _progress.UndoFinished(outcome);
        }

        return new RollbackResult(null, [.. outcomes], Path.GetFullPath(journalPath));
    }

    private void Crash(JournalWriter writer, CrashPoint point, string address)
    {
        if (_options.CrashHook is not { } hook)
        {
            return;
        }

        try
        {
            hook(point, address);
        }
        catch
        {
            writer.Freeze();
            throw;
        }
    }
}
