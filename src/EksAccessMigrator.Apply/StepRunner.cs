using System.Collections.Immutable;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Nodes;
using EksAccessMigrator.Apply.Handlers;
using EksAccessMigrator.Apply.Journal;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Apply;

/// <summary>
/// Runs one step: journal check, then the change's conditions read right before the call (postcondition holds:
/// done, no write; precondition holds: intent, call, outcome; neither: stale, not written).
/// </summary>
internal sealed class StepRunner(StepContext context, JournalState journal, JournalWriter? writer, ApplyOptions options, IApplyProgress progress, Action<Exception> killed)
{
    public static JsonObject Record(int index, PlanChange change, string message, JsonObject? after)
    {
        var record = new JsonObject { ["step"] = index, ["address"] = change.Address, ["action"] = change.Action, ["message"] = message };
        if (after is not null)
        {
            record["after"] = after.DeepClone();
        }

        return record;
    }

    /// <summary>True for the exceptions a step turns into a failure (service errors and I/O), not bugs or cancellation.</summary>
    public static bool IsStepFailure(Exception e) =>
        e is ServiceCallException or HttpRequestException or TimeoutException or JsonException or FormatException;

    public async Task<StepOutcome> RunAsync(int index, PlanChange change, CancellationToken ct)
    {
        var time = options.TimeProvider;
        var started = time.GetTimestamp();
        progress.StepStarted(index, change);
        journal.Steps.TryGetValue(change.Address, out var previous);
        if (previous is { IsDone: true })
        {
            return Finish(index, change, StepStatus.Skipped, "done in an earlier run", started, [], null, journaled: false);
        }

        if (change is RestartWorkloadChange && !options.RestartWorkloads)
        {
            return Finish(index, change, StepStatus.Skipped, "restart not requested (--restart-workloads)", started, [], null, journaled: true);
        }

        Crash(CrashPoint.BeforeStep, change);
        StepPreparation prep;
        try
        {
            prep = await ChangeHandlers.PrepareAsync(change, context, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (IsStepFailure(e))
        {
            return Finish(index, change, StepStatus.Failed, $"reading the live state failed: {e.Message}", started, [], null, journaled: true);
        }

        if (options.DryRun)
        {
            return prep.Kind switch
            {
                PreparationKind.AlreadyDone => Finish(index, change, StepStatus.Skipped, "already in effect: " + prep.Message, started, [], null, journaled: false),
                PreparationKind.Stale => Finish(index, change, StepStatus.Stale, "stale: " + prep.Message, started, [], null, journaled: false),
                _ => Finish(index, change, StepStatus.WouldRun, "would " + prep.Message, started, prep.Calls, null, journaled: false),
            };
        }

        switch (prep.Kind)
        {
            case PreparationKind.AlreadyDone:
                return Finish(index, change, StepStatus.Done, previous is { InFlight: true } ? "completed before the interruption: " + prep.Message : prep.Message, started, [], prep.After, journaled: true);
            case PreparationKind.Stale:
                return Finish(index, change, StepStatus.Stale, "stale, not written: " + prep.Message, started, [], null, journaled: true);
            default:
                break;
        }

        var before = previous is { InFlight: true, Before: { } journaled } ? journaled : prep.Before;
        if (previous is not { InFlight: true })
        {
            var intent = Record(index, change, prep.Message, null);
            intent["change"] = ChangeCodec.Write(change);
            intent["before"] = before.DeepClone();
            writer!.Append(JournalRecordType.Intent, intent);
        }

        Crash(CrashPoint.AfterIntent, change);
        StepWrite result;
        try
        {
            result = await prep.Write!(before, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (IsStepFailure(e))
        {
            result = StepWrite.Fail(e.Message);
        }

        Crash(CrashPoint.AfterCall, change);
        var status = result.Succeeded ? StepStatus.Done : result.IsStale ? StepStatus.Stale : StepStatus.Failed;
        return Finish(index, change, status, result.IsStale ? "stale, not written: " + result.Message : result.Message, started, prep.Calls, result.Succeeded ? result.After : null, journaled: true);
    }

    private void Crash(CrashPoint point, PlanChange change)
    {
        if (options.CrashHook is not { } hook || options.DryRun)
        {
            return;
        }

        try
        {
            hook(point, change.Address);
        }
        catch (Exception e)
        {
            writer?.Freeze();
            killed(e);
            throw;
        }
    }

    private StepOutcome Finish(int index, PlanChange change, StepStatus status, string message, long started, ImmutableArray<PlannedCall> calls, JsonObject? after, bool journaled)
    {
        if (journaled)
        {
            var type = status switch
            {
                StepStatus.Done => JournalRecordType.Done,
                StepStatus.Failed or StepStatus.Stale => JournalRecordType.Failed,
                _ => JournalRecordType.Skipped,
            };
            writer?.Append(type, Record(index, change, message, after));
        }

        var outcome = new StepOutcome(index, change.Address, change.Action, status, message, options.TimeProvider.GetElapsedTime(started), calls);
        progress.StepFinished(outcome);
        return outcome;
    }
}
