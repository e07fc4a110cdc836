using Cocona;
using EksAccessMigrator.Apply;
using EksAccessMigrator.Cli.Fleet;
using EksAccessMigrator.Cli.Views;
using EksAccessMigrator.Core.Fleet;

namespace EksAccessMigrator.Cli.Commands;

/// <summary>
/// <c>fleet plan|apply|verify</c>: the single-cluster plan, apply and verify over the clusters of an inventory, at
/// most <c>--parallel</c> at once; one cluster's failure never stops the others; <c>DIR/report.json</c> holds the run.
/// </summary>
public sealed class FleetCommand(CliOutput output, CliInput input, TimeProvider clock)
{
    public const string Group = "fleet";

    [Command("plan", Description = "Plan every cluster of the inventory as 'plan' does (live): DIR/<cluster>/plan.json and plan.sha256, DIR/report.json. Exit 0, 4 when a plan has blockers, 1 when a cluster failed.")]
    public async Task<int> Plan(
        FleetOptions fleet,
        PlanOptions plan,
        WorkloadOptions workloads,
        CoconaAppContext? appContext = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(workloads);
        if (plan.CallerArn is not null)
        {
            throw new UsageException("--caller-arn is for offline plans; fleet plans are live and ask STS who is running them.");
        }

        if (workloads.OidcIssuer is not null)
        {
            throw new UsageException("--oidc-issuer names one cluster's issuer; fleet plan reads each cluster's own from EKS.");
        }

        // The options that are wrong for every cluster are refused before anything is read.
        _ = PlanCommand.Options(plan, clock);
        _ = workloads.ToPlannerOptions();
        var setup = FleetSetup.Check(fleet, planning: true);
        Directory.CreateDirectory(setup.Folder.Root);
        var debug = fleet.Debug ? new WireLogView(output.Error) : null;
        var step = new FleetPlanStep(plan, workloads, setup.Folder, output, debug, fleet.Debug, clock);
        var cancellationToken = appContext?.CancellationToken ?? CancellationToken.None;
        var report = await RunAsync(FleetCommandKind.Plan, setup, c => step.RunAsync(c, cancellationToken), cancellationToken).ConfigureAwait(false);
        return FleetExit.Of(report, cancellationToken.IsCancellationRequested);
    }

    [Command("apply", Description = "Apply the reviewed plans fleet plan wrote (never new ones) as 'apply' does, each cluster with its own journal, lock and lease; a plan changed since (plan.sha256) or with blockers is not applied. Exit 0, 4 when a plan has blockers, 1 when a cluster failed, 130 when interrupted.")]
    public async Task<int> Apply(
        FleetOptions fleet,
        [Option("yes", Description = "Do not ask for confirmation (for scripts).")] bool yes = false,
        [Option("dry-run", Description = "Do every read and check of every cluster and count the calls that would be made (status planned); write nothing, not even journals.")] bool dryRun = false,
        [Option("changes-parallel", Description = "Most independent changes of one cluster in flight at once (1-32, default 4).", ValueName = "N")] int changesParallel = 4,
        [Option("restart-workloads", Description = "Perform RestartWorkload steps and wait for each rollout.")] bool restartWorkloads = false,
        [Option("rollout-timeout", Description = "Seconds to wait for each rollout (default 300).", ValueName = "SECONDS")] int rolloutTimeout = 300,
        CoconaAppContext? appContext = null)
    {
        if (changesParallel is < 1 or > 32)
        {
            throw new UsageException($"--changes-parallel {changesParallel} is out of range; use 1 to 32.");
        }

        if (rolloutTimeout < 1)
        {
            throw new UsageException($"--rollout-timeout {rolloutTimeout} must be at least 1 second.");
        }

        var setup = FleetSetup.Check(fleet, planning: false);
        var plans = setup.Selection.Selected.Count(c => File.Exists(setup.Folder.Plan(c.Name)));
        var question = $"Apply the reviewed plans of {plans} cluster(s) in {setup.Folder.Root} (shard {setup.Shard}, {setup.Selection.Selected.Length} selected, up to {setup.Parallel} at once)?";
        if (!dryRun && !Confirmation.Confirm(input, output, yes, question))
        {
            output.Error.WriteLine("Not applied; nothing was written.");
            return ExitCodes.Error;
        }

        using var signals = new SignalStop(output.Error);
        var debug = fleet.Debug ? new WireLogView(output.Error) : null;
        var options = new ApplyOptions
        {
            DryRun = dryRun,
            Parallel = changesParallel,
            RestartWorkloads = restartWorkloads,
            RolloutTimeout = TimeSpan.FromSeconds(rolloutTimeout),
            ToolVersion = Cli.ToolVersion.Current,
            StopToken = signals.Stop,
        };
        var step = new FleetApplyStep(setup.Folder, options, debug, fleet.Debug);
        var cancellationToken = appContext?.CancellationToken ?? CancellationToken.None;
        var report = await RunAsync(FleetCommandKind.Apply, setup, c => step.RunAsync(c, signals.Signalled, cancellationToken), signals.Stop).ConfigureAwait(false);
        return FleetExit.Of(report, signals.Signalled);
    }

    [Command("verify", Description = "Verify every cluster against the plan fleet plan wrote, as 'verify PLAN' does. Exit 0 when every cluster is verified, 1 when one is not (or failed).")]
    public async Task<int> Verify(
        FleetOptions fleet,
        CoconaAppContext? appContext = null)
    {
        var setup = FleetSetup.Check(fleet, planning: false);
        var debug = fleet.Debug ? new WireLogView(output.Error) : null;
        var step = new FleetVerifyStep(setup.Folder, output, debug, fleet.Debug, clock);
        var cancellationToken = appContext?.CancellationToken ?? CancellationToken.None;
        var report = await RunAsync(FleetCommandKind.Verify, setup, c => step.RunAsync(c, cancellationToken), cancellationToken).ConfigureAwait(false);
        return FleetExit.Of(report, cancellationToken.IsCancellationRequested);
    }

    private async Task<FleetReport> RunAsync(FleetCommandKind command, FleetSetup setup, Func<FleetCluster, Task<FleetClusterResult>> step, CancellationToken stop)
    {
        var progress = new FleetProgressView(output.Error, setup.Selection.Selected.Length, output.ErrorIsTerminal);
        var report = await FleetRunner.RunAsync(command, setup.Inventory, setup.Selection, setup.Shard, setup.Folder, setup.Parallel, progress, step, stop).ConfigureAwait(false);
        if (setup.Json)
        {
            FleetSummaryView.RenderJson(report, output.Out);
        }
        else
        {
            FleetSummaryView.RenderTable(report, setup.Folder.Report, output.Out, output.Width);
        }

        return report;
    }
}
