using EksAccessMigrator.Apply;

namespace EksAccessMigrator.Cli.Views;

/// <summary>The end of apply and rollback: what was done, and where the journal is.</summary>
public static class ApplySummaryView
{
    public static void Refused(Refusal refusal, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine($"Refused, nothing was written: {Text.Safe(refusal.Message)}");
        foreach (var stale in refusal.Stale)
        {
            writer.WriteLine($"  stale: {Text.Safe(stale.ToString())}");
        }
    }

    public static void Applied(ApplyResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        if (result.DryRun)
        {
            writer.WriteLine($"Dry run: every read and check done, nothing written. {result.PlannedCalls.Length} call(s) would be made:");
            foreach (var call in result.PlannedCalls)
            {
                writer.WriteLine($"  {call.Operation} {Text.Safe(call.Target)} {Text.Safe(call.Body)}");
            }

            return;
        }

        Notices(result.Notices, writer);
        if (result.NothingLeftToDo)
        {
            writer.WriteLine($"Nothing left to do: all {result.Steps.Length} change(s) of the plan are in effect; nothing was written.");
            return;
        }

        var notStarted = result.Steps.Count(s => s.Status == StepStatus.NotStarted);
        writer.WriteLine($"{result.Done} done, {result.Skipped} skipped, {result.Failed} failed{(result.Stale > 0 ? $", {result.Stale} stale" : string.Empty)}{(notStarted > 0 ? $", {notStarted} not started" : string.Empty)}. Journal: {result.JournalPath}");
        foreach (var step in result.Steps.Where(s => s.Status == StepStatus.Stale))
        {
            writer.WriteLine($"  stale, not written: {step.Action} {Text.Safe(step.Address)}: {Text.Safe(step.Message)}");
        }

        if (result.Stale > 0)
        {
            writer.WriteLine("The objects above changed since the plan was made: make a new plan and review it (done steps stay done).");
        }

        if (result.Interrupted)
        {
            writer.WriteLine(result.LeaseLost
                ? "Stopped: another run took the cluster lease, so no new step was started. Run apply again once it is done: finished steps are skipped."
                : "Interrupted: no new step was started; the steps in flight finished and are journaled. Run apply again to continue.");
        }

        if (result.Failed > 0)
        {
            writer.WriteLine("Fix the cause of the failed steps and run apply again: done steps are skipped. Or undo with: eks-access-migrator rollback JOURNAL");
        }
    }

    public static void RolledBack(RollbackResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        Notices(result.Notices, writer);
        writer.WriteLine($"{result.Restored} restored, {result.NeedsAttention.Length} need attention. Journal: {result.JournalPath}");
        foreach (var step in result.Steps.Where(s => s.Status == UndoStatus.Irreversible))
        {
            writer.WriteLine($"  {step.Action} {Text.Safe(step.Address)} cannot be undone: {Text.Safe(step.Message)}");
        }

        foreach (var step in result.NeedsAttention)
        {
            writer.WriteLine($"  needs attention: {step.Action} {Text.Safe(step.Address)}: {Text.Safe(step.Message)}");
        }
    }

    private static void Notices(IEnumerable<string> notices, TextWriter writer)
    {
        foreach (var notice in notices)
        {
            writer.WriteLine($"Note: {Text.Safe(notice)}");
        }
    }
}
