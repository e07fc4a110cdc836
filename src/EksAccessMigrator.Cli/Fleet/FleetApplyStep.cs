using EksAccessMigrator.Apply;
using EksAccessMigrator.Cli.Commands;
using EksAccessMigrator.Cli.Views;
using EksAccessMigrator.Core.Fleet;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Cli.Fleet;

/// <summary>
/// One cluster of <c>fleet apply</c>: the plan <c>fleet plan</c> wrote (its bytes must still hash to the recorded
/// <c>plan.sha256</c>; a plan with blockers is not applied), applied exactly as <c>apply</c> applies a plan file:
/// the same connection (account, region and cluster ARN checked first), the same executor (kube-system uid, journal
/// lock, cluster lease, every change's precondition), with the journal in the cluster's folder.
/// </summary>
internal sealed class FleetApplyStep(FleetFolder folder, ApplyOptions options, WireLogView? debug, bool isDebug)
{
    public async Task<FleetClusterResult> RunAsync(FleetCluster cluster, bool signalled, CancellationToken cancellationToken)
    {
        var reviewed = Reviewed(cluster);
        if (reviewed.Result is { } early)
        {
            return early;
        }

        var saved = reviewed.Plan!;
        var plan = saved.Plan;
        var row = Row(cluster, plan, saved.Hash);
        if (plan.Summary.Blockers > 0)
        {
            return row with
            {
                Status = FleetStatus.Blocked,
                Error = $"not applied: the plan has {plan.Summary.Blockers} blocker(s); resolve them, run fleet plan again and review the new plan.",
                ExitCode = ExitCodes.Blockers,
            };
        }

        using var access = FleetClusterAccess.For(cluster, isDebug, debug);
        using var connection = await ApplyCommand.ConnectAsync(plan, access.Live, debug, access.Credentials, cancellationToken).ConfigureAwait(false);
        var executor = ApplyCommand.Executor(connection, options with { JournalPath = folder.Journal(cluster.Name) }, NullApplyProgress.Instance);
        var result = await executor.ApplyAsync(saved, CancellationToken.None).ConfigureAwait(false);
        if (result.Refusal is { } refusal)
        {
            var stale = refusal.Stale.IsEmpty ? string.Empty : " Stale: " + string.Join("; ", refusal.Stale.Take(3).Select(s => s.ToString())) + (refusal.Stale.Length > 3 ? $"; and {refusal.Stale.Length - 3} more" : string.Empty) + ".";
            return row with { Status = FleetStatus.Failed, Error = $"refused, nothing was written: {refusal.Message}{stale}", ExitCode = ExitCodes.Refused };
        }

        if (result.DryRun)
        {
            // Nothing written: the plan is still only planned; Done counts the calls apply would make.
            return row with { Status = FleetStatus.Planned, Done = result.PlannedCalls.Length, ExitCode = ApplyCommand.ExitCode(result, signalled) };
        }

        var code = ApplyCommand.ExitCode(result, signalled);
        var journal = File.Exists(folder.Journal(cluster.Name)) ? FleetFolder.Relative(cluster.Name, FleetFolder.JournalFileName) : null;
        row = row with { Done = result.Done, Journal = journal, ExitCode = code };
        if (code == ExitCodes.Success)
        {
            return row with { Status = FleetStatus.Applied };
        }

        var failures = result.Steps.Where(s => s.Status is StepStatus.Failed or StepStatus.Stale).Take(3).Select(s => $"{s.Address} ({s.Action}): {s.Message}");
        var why = result.Interrupted ? "interrupted before every step ran" : $"{result.Failed} step(s) failed, {result.Stale} stale";
        return row with { Status = FleetStatus.Failed, Error = $"{why}: {string.Join("; ", failures)}. The journal {journal} says what was done; fix the cause and run fleet apply again (it resumes), or roll back with 'rollback {journal}'." };
    }

    /// <summary>The reviewed plan of the cluster, or the row saying why there is none to apply.</summary>
    private (SavedPlan? Plan, FleetClusterResult? Result) Reviewed(FleetCluster cluster)
    {
        var path = folder.Plan(cluster.Name);
        var relative = FleetFolder.Relative(cluster.Name, FleetFolder.PlanFileName);
        if (!File.Exists(path))
        {
            return (null, FleetClusterResult.Failed(cluster, $"no reviewed plan at {relative}: run fleet plan for this cluster and review it first; fleet apply applies only plans fleet plan wrote.", ExitCodes.Error));
        }

        var recorded = File.Exists(folder.Hash(cluster.Name)) ? File.ReadAllText(folder.Hash(cluster.Name)).Split(' ', 2)[0].Trim() : null;
        SavedPlan saved;
        try
        {
            saved = SavedPlan.Load(path);
        }
        catch (PlanFormatException ex)
        {
            return (null, FleetClusterResult.Failed(cluster, $"refused, nothing was written: {relative}: {ex.Message}", ex.UnsupportedVersion ? ExitCodes.Refused : ExitCodes.Error));
        }

        if (recorded is null || !string.Equals(recorded, saved.Hash, StringComparison.Ordinal))
        {
            var what = recorded is null ? $"{FleetFolder.HashFileName} is missing" : $"its SHA-256 is {saved.Hash}, but fleet plan recorded {recorded}";
            return (null, FleetClusterResult.Failed(cluster, $"refused, nothing was written: {relative} is not the plan fleet plan wrote ({what}); run fleet plan again and review the new plan.", ExitCodes.Refused));
        }

        if (saved.Plan.Cluster.Name != cluster.Name || saved.Plan.Cluster.Region != cluster.Region)
        {
            return (null, FleetClusterResult.Failed(cluster, $"refused, nothing was written: {relative} is for cluster {saved.Plan.Cluster.Name} in {saved.Plan.Cluster.Region}, not {cluster.Name} in {cluster.Region}.", ExitCodes.Refused));
        }

        return (saved, null);
    }

    private static FleetClusterResult Row(FleetCluster cluster, MigrationPlan plan, string hash) => new()
    {
        Name = cluster.Name,
        Region = cluster.Region,
        Account = plan.Cluster.AccountId,
        Status = FleetStatus.Failed,
        Changes = plan.Changes.Length,
        Blockers = plan.Summary.Blockers,
        Plan = FleetFolder.Relative(cluster.Name, FleetFolder.PlanFileName),
        PlanHash = hash,
    };
}
