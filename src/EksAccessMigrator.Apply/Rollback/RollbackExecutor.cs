using System.Collections.Immutable;
using System.Text.Json.Nodes;
using EksAccessMigrator.Apply.Coordination;
using EksAccessMigrator.Apply.Handlers;
using EksAccessMigrator.Apply.Journal;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Apply;

/// <summary>
/// Undoes what a journal records, in reverse order, restoring only what is still as the migration left it; writes
/// its own records to the same journal so an interrupted rollback resumes where it stopped.
/// </summary>
public sealed class RollbackExecutor
{
    private readonly ClusterPorts _clients;
    private readonly ApplyOptions _options;
    private readonly IApplyProgress _progress;

    public RollbackExecutor(ClusterPorts clients, ApplyOptions options, IApplyProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _clients = clients;
        _options = options;
        _progress = progress ?? NullApplyProgress.Instance;
    }

    /// <summary>Rolls back what <paramref name="journalPath"/> records, with the plan file its header names.</summary>
    public Task<RollbackResult> RollbackAsync(string journalPath, CancellationToken cancellationToken) => RollbackAsync(journalPath, null, cancellationToken);

    /// <summary>
    /// Rolls back what <paramref name="journalPath"/> records. The reviewed plan file (<paramref name="planPath"/>, or
    /// the one the journal header names) must be the one the journal was written for (same SHA-256); the journal's
    /// chain must hold, and its steps and before-images must be the plan's (<see cref="JournalPlanCheck"/>).
    /// </summary>
    public async Task<RollbackResult> RollbackAsync(string journalPath, string? planPath, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(journalPath);
        var (guard, locked) = RunGuard.OpenJournal(journalPath, create: false);
        if (guard is null)
        {
            return new RollbackResult(locked!, [], journalPath);
        }

        await using var guarded = guard.ConfigureAwait(false);
        var journal = guard.Journal;
        if (journal.Header is not { } header || journal.PlanHash is not { } planHash)
        {
            return new RollbackResult(Refusal.Of(RefusalReason.JournalMismatch, $"{journalPath} has no journal header."), [], journalPath);
        }

        var (saved, planRefusal) = LocatePlan(JournalHeader.From(header, journalPath), planPath, journalPath);
        if (saved is null)
        {
            return new RollbackResult(planRefusal!, [], journalPath);
        }

        var cluster = await Preflight.CheckClusterAsync(_clients, saved.Plan.Cluster, cancellationToken).ConfigureAwait(false);
        if (cluster.Refusal is { } refusal)
        {
            return new RollbackResult(refusal, [], journalPath);
        }

        var (planned, notPlan) = JournalPlanCheck.Check(saved.Plan, journal, journalPath);
        if (planned is null)
        {
            return new RollbackResult(notPlan!, [], journalPath);
        }

        if (await guard.TakeLeaseAsync(_clients, LeaseHolder.Current(planHash, "rollback"), _options, cancellationToken).ConfigureAwait(false) is { } held)
        {
            return new RollbackResult(held, [], journalPath);
        }

        var context = new StepContext(_clients, saved.Plan.Cluster.Name, planHash, _options);
        var steps = journal.Steps.Values.Where(s => s.HasIntent).OrderByDescending(s => s.IntentSequence).ToList();
        var outcomes = new List<UndoOutcome>();
        var writer = guard.Writer(_options.TimeProvider);
        if (!journal.RollbackStarted)
        {
            writer.Append(JournalRecordType.RollbackStarted, []);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_options.StopToken, guard.LeaseLost);
        var interrupted = false;
        foreach (var step in steps)
        {
            if (stop.IsCancellationRequested)
            {
                interrupted = true;
                break;
            }

            var change = planned[step.Address];
            UndoOutcome outcome;
            if (journal.Undone.TryGetValue(step.Address, out var record))
            {
                outcome = new UndoOutcome(step.Address, change.Action, Enum.Parse<UndoStatus>(Json.Text(record, "status") ?? nameof(UndoStatus.Failed)), Json.Text(record, "message") ?? string.Empty);
            }
            else
            {
                Crash(writer, CrashPoint.BeforeStep, step.Address);
                writer.Append(JournalRecordType.UndoIntent, new JsonObject { ["address"] = step.Address, ["action"] = change.Action });
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
                    writer.Append(JournalRecordType.UndoDone, new JsonObject { ["address"] = step.Address, ["action"] = change.Action, ["status"] = outcome.Status.ToString(), ["message"] = outcome.Message });
                }
            }

            outcomes.Add(outcome);
            _progress.UndoFinished(outcome);
        }

        return new RollbackResult(null, [.. outcomes], Path.GetFullPath(journalPath)) { Notices = guard.Notices, Interrupted = interrupted };
    }

    /// <summary>The reviewed plan: the file given, else the one the header names; its SHA-256 must be the header's.</summary>
    private static (SavedPlan? Plan, Refusal? Refusal) LocatePlan(JournalHeader header, string? planPath, string journalPath)
    {
        var path = planPath ?? header.PlanFile;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
        {
            return (null, Refusal.Of(RefusalReason.PlanMismatch, $"Rollback needs the reviewed plan file the journal {journalPath} was written for{(path is null ? string.Empty : $" ({path} does not exist)")}; give it with --plan FILE."));
        }

        SavedPlan saved;
        try
        {
            saved = SavedPlan.Load(path);
        }
        catch (PlanFormatException e)
        {
            return (null, Refusal.Of(RefusalReason.PlanMismatch, $"The plan file {path} cannot be read: {e.Message}"));
        }

        if (!string.Equals(saved.Hash, header.PlanHash, StringComparison.Ordinal))
        {
            return (null, Refusal.Of(RefusalReason.PlanMismatch, $"The plan file {path} (SHA-256 {saved.Hash}) is not the plan the journal {journalPath} was written for (SHA-256 {header.PlanHash}); give the reviewed plan with --plan FILE."));
        }

        return (saved, null);
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
