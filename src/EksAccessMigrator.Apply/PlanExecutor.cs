using System.Collections.Immutable;
using System.Text.Json.Nodes;
using EksAccessMigrator.Apply.Coordination;
using EksAccessMigrator.Apply.Handlers;
using EksAccessMigrator.Apply.Journal;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Apply;

/// <summary>
/// Applies a saved plan: preflight (cluster, account, region, then every change's precondition and postcondition),
/// then stage by stage with bounded concurrency, journaling each step's intent (with the state before) and outcome.
/// Nothing is planned again: an interrupted, repeated or resumed apply follows from each change's conditions.
/// Rollback lives in <see cref="RollbackExecutor"/>.
/// </summary>
public sealed class PlanExecutor
{
    private readonly ClusterPorts _clients;
    private readonly ApplyOptions _options;
    private readonly IApplyProgress _progress;

    public PlanExecutor(ClusterPorts clients, ApplyOptions options, IApplyProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _clients = clients;
        _options = options;
        _progress = progress ?? NullApplyProgress.Instance;
    }

    /// <summary>The journal apply uses when none is given: <c>.eks-access-migrator/&lt;cluster&gt;-&lt;first 12 of the plan hash&gt;.jsonl</c>.</summary>
    public static string DefaultJournalPath(SavedPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (!ClusterNames.IsValid(plan.Plan.Cluster.Name))
        {
            throw new ArgumentException($"'{plan.Plan.Cluster.Name}' is not an EKS cluster name.", nameof(plan));
        }

        return Path.Combine(ApplyOptions.DefaultJournalDirectory, $"{plan.Plan.Cluster.Name}-{plan.Hash[..12]}.jsonl");
    }

    /// <summary>The plan's changes in execution order: by stage, then by address.</summary>
    public static ImmutableArray<PlanChange> ExecutionOrder(MigrationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return [.. plan.Changes.OrderBy(c => c.Stage).ThenBy(c => c.Address, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Applies (or, with <see cref="ApplyOptions.DryRun"/>, rehearses) <paramref name="saved"/>. Before the first
    /// write every change's conditions are read: a change whose object is neither as the plan says it was nor as the
    /// change leaves it refuses the run (<see cref="RefusalReason.StalePlan"/>); when every change is in effect,
    /// nothing is written (<see cref="ApplyResult.NothingLeftToDo"/>). Each step checks again right before its call.
    /// </summary>
    public async Task<ApplyResult> ApplyAsync(SavedPlan saved, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(saved);
        var plan = saved.Plan;
        var journalPath = _options.JournalPath ?? DefaultJournalPath(saved);
        var cluster = await Preflight.CheckClusterAsync(_clients, plan.Cluster, cancellationToken).ConfigureAwait(false);
        if (cluster.Refusal is { } refusal)
        {
            return Refused(refusal);
        }

        var (guard, locked) = RunGuard.OpenJournal(journalPath, create: !_options.DryRun);
        if (guard is null)
        {
            return Refused(locked!);
        }

        await using var guarded = guard.ConfigureAwait(false);
        var journal = guard.Journal;
        if (journal.Header is not null && !string.Equals(journal.PlanHash, saved.Hash, StringComparison.Ordinal))
        {
            return Refused(Refusal.Of(RefusalReason.JournalMismatch, $"The journal {journalPath} belongs to another plan (hash {journal.PlanHash}); choose another journal path."));
        }

        if (journal.RollbackStarted)
        {
            return Refused(Refusal.Of(RefusalReason.AlreadyRolledBack, $"The journal {journalPath} records a rollback of this plan; to apply it again, use a new journal path."));
        }

        var context = new StepContext(_clients, plan.Cluster.Name, saved.Hash, _options, _options.DryRun ? null : Path.GetFullPath(journalPath), plan);
        var ordered = ExecutionOrder(plan);
        var checks = await Preflight.CheckChangesAsync(ordered, context, cluster.Described!, journal, _options, cancellationToken).ConfigureAwait(false);
        var stale = Preflight.Stale(ordered, checks);
        if (!stale.IsEmpty)
        {
            return Refused(new Refusal(RefusalReason.StalePlan, $"{stale.Length} change(s) of the plan are stale: their objects changed since the plan was made. Make a new plan and review it.", stale));
        }

        if (NothingLeft(ordered, checks, journal))
        {
            return new ApplyResult(null, Unchanged(ordered, checks, journal), File.Exists(journalPath) ? Path.GetFullPath(journalPath) : null, _options.DryRun) { NothingLeftToDo = true };
        }

        // The lease is taken only when there is something to write: a repeated apply writes nothing at all. Each step
        // checks its conditions again right before its call, so what another run did meanwhile is never redone.
        if (!_options.DryRun && await guard.TakeLeaseAsync(_clients, LeaseHolder.Current(saved.Hash, "apply"), _options, cancellationToken).ConfigureAwait(false) is { } held)
        {
            return Refused(held);
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(_options.StopToken, guard.LeaseLost);
        if (_options.DryRun)
        {
            return new ApplyResult(null, await RunAsync(plan, context, journal, null, stop.Token, cancellationToken).ConfigureAwait(false), null, true);
        }

        var writer = guard.Writer(_options.TimeProvider);
        if (journal.Header is null)
        {
            writer.Append(JournalRecordType.Header, JournalHeader.Record(saved, _options));
        }

        var steps = await RunAsync(plan, context, journal, writer, stop.Token, cancellationToken).ConfigureAwait(false);
        return new ApplyResult(null, steps, Path.GetFullPath(journalPath), false)
        {
            Interrupted = steps.Any(s => s.Status == StepStatus.NotStarted),
            LeaseLost = guard.LeaseLost.IsCancellationRequested,
            Notices = guard.Notices,
        };
    }

    /// <summary>True when no step is in flight and every change is done in an earlier run, in effect, or a restart not asked for.</summary>
    private bool NothingLeft(ImmutableArray<PlanChange> ordered, ImmutableArray<PreparationCheck?> checks, JournalState journal) =>
        !journal.Steps.Values.Any(s => s.InFlight)
        && ordered.Select((change, i) => (change, check: checks[i])).All(c =>
            (journal.Steps.TryGetValue(c.change.Address, out var step) && step.IsDone)
            || (c.change is RestartWorkloadChange && !_options.RestartWorkloads)
            || c.check is { Kind: PreparationKind.AlreadyDone });

    private ImmutableArray<StepOutcome> Unchanged(ImmutableArray<PlanChange> ordered, ImmutableArray<PreparationCheck?> checks, JournalState journal) =>
        [.. ordered.Select((change, i) =>
        {
            _progress.StepStarted(i, change);
            var message = journal.Steps.TryGetValue(change.Address, out var step) && step.IsDone ? "done in an earlier run"
                : checks[i] is { Kind: PreparationKind.AlreadyDone } check ? "already in effect: " + check.Message
                : "restart not requested (--restart-workloads)";
            var outcome = new StepOutcome(i, change.Address, change.Action, StepStatus.Skipped, message, TimeSpan.Zero, []);
            _progress.StepFinished(outcome);
            return outcome;
        })];

    private static ApplyResult Refused(Refusal refusal) => new(refusal, [], null, false);

    private async Task<ImmutableArray<StepOutcome>> RunAsync(MigrationPlan plan, StepContext context, JournalState journal, JournalWriter? writer, CancellationToken stop, CancellationToken cancellationToken)
    {
        var ordered = ExecutionOrder(plan);
        var outcomes = new StepOutcome?[ordered.Length];
        var failedStage = false;
        using var kill = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Exception? killedBy = null;
        void Killed(Exception e)
        {
            killedBy ??= e;
            kill.Cancel();
        }

        using var gate = new SemaphoreSlim(_options.Parallel, _options.Parallel);
        foreach (var stage in ordered.Select((change, index) => (change, index)).GroupBy(s => s.change.Stage))
        {
            if (failedStage || stop.IsCancellationRequested)
            {
                if (!failedStage)
                {
                    foreach (var (change, index) in stage)
                    {
                        outcomes[index] = NotStarted(index, change);
                    }

                    continue;
                }

                foreach (var (change, index) in stage)
                {
                    outcomes[index] = Finish(writer, index, change, StepStatus.Skipped, "not run: a step of an earlier stage failed or was stale", TimeSpan.Zero, [], null);
                }

                continue;
            }

            var runner = new StepRunner(context, journal, writer, _options, _progress, Killed);
            var tasks = stage.Select(async s =>
            {
                await gate.WaitAsync(kill.Token).ConfigureAwait(false);
                try
                {
                    kill.Token.ThrowIfCancellationRequested();
                    outcomes[s.index] = stop.IsCancellationRequested
                        ? NotStarted(s.index, s.change)
                        : await runner.RunAsync(s.index, s.change, kill.Token).ConfigureAwait(false);
                }
                finally
                {
                    gate.Release();
                }
            }).ToList();
            try
            {
                await Task.WhenAll(tasks).ConfigureAwait(false);
            }
            catch (Exception) when (killedBy is not null)
            {
                // The crash hook stopped the run as a killed process would: surface its exception, nothing else.
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(killedBy);
            }

            failedStage = stage.Any(s => outcomes[s.index]?.Status == StepStatus.Stale) || (writer is not null && stage.Any(s => outcomes[s.index]?.Status == StepStatus.Failed));
        }

        return [.. outcomes.Select(o => o!)];
    }

    /// <summary>A step the run did not start because it was told to stop: not journaled, so the next apply runs it.</summary>
    private StepOutcome NotStarted(int index, PlanChange change)
    {
        var outcome = new StepOutcome(index, change.Address, change.Action, StepStatus.NotStarted, "not started: the run was interrupted; apply again to continue", TimeSpan.Zero, []);
        _progress.StepFinished(outcome);
        return outcome;
    }

    private StepOutcome Finish(JournalWriter? writer, int index, PlanChange change, StepStatus status, string message, TimeSpan elapsed, ImmutableArray<PlannedCall> calls, JsonObject? after)
    {
        writer?.Append(status == StepStatus.Skipped ? JournalRecordType.Skipped : status == StepStatus.Failed ? JournalRecordType.Failed : JournalRecordType.Done, StepRunner.Record(index, change, message, after));
        var outcome = new StepOutcome(index, change.Address, change.Action, status, message, elapsed, calls);
        _progress.StepFinished(outcome);
        return outcome;
    }
}
