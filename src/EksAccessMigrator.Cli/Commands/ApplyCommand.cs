using Cocona;
using EksAccessMigrator.Apply;
using EksAccessMigrator.Cli.Views;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Live;

namespace EksAccessMigrator.Cli.Commands;

/// <summary><c>apply</c>: executes a reviewed plan file on the live cluster, or nothing.</summary>
public sealed class ApplyCommand(CliOutput output, CliInput input)
{
    [Command("apply", Description = "Apply a reviewed plan file to the live cluster: cluster identity and every change's precondition checked first (stale: exit 3), one run per cluster (journal lock and cluster lease), a hash-chained journal of every step, resume after an interruption (SIGINT/SIGTERM: exit 130); nothing left to do: exit 0.")]
    public async Task<int> Apply(
        [Argument("plan", Description = "The plan file written by 'plan --out'.")] string planFile,
        LiveOptions live,
        [Option("yes", Description = "Do not ask for confirmation (for scripts).")] bool yes = false,
        [Option("dry-run", Description = "Do every read and check and print the calls that would be made; write nothing.")] bool dryRun = false,
        [Option("parallel", Description = "Most independent changes in flight at once (1-32, default 4).", ValueName = "N")] int parallel = 4,
        [Option("restart-workloads", Description = "Perform RestartWorkload steps and wait for each rollout.")] bool restartWorkloads = false,
        [Option("rollout-timeout", Description = "Seconds to wait for each rollout (default 300).", ValueName = "SECONDS")] int rolloutTimeout = 300,
        [Option("journal", Description = "The journal file (default .eks-access-migrator/<cluster>-<plan hash>.jsonl).", ValueName = "FILE")] string? journal = null,
        [Option("format", Description = "table (default) or json (one JSON event per step).", ValueName = "FORMAT")] string format = "table",
        CoconaAppContext? appContext = null)
    {
        var json = OutputFormats.Parse(format, allowMarkdown: false) == OutputFormat.Json;
        if (parallel is < 1 or > 32)
        {
            throw new UsageException($"--parallel {parallel} is out of range; use 1 to 32.");
        }

        if (rolloutTimeout < 1)
        {
            throw new UsageException($"--rollout-timeout {rolloutTimeout} must be at least 1 second.");
        }

        var cancellationToken = appContext?.CancellationToken ?? CancellationToken.None;
        SavedPlan saved;
        try
        {
            saved = SavedPlan.Load(planFile);
        }
        catch (PlanFormatException ex) when (ex.UnsupportedVersion)
        {
            output.Error.WriteLine($"error: refused, nothing was written: {ex.Message}");
            return ExitCodes.Refused;
        }

        var plan = saved.Plan;
        var debug = live.Debug ? new WireLogView(output.Error) : null;
        using var connection = await ConnectAsync(plan, live, debug, null, cancellationToken).ConfigureAwait(false);

        var question = $"Apply {plan.Changes.Length} change(s) of {planFile} ({plan.Summary.Irreversible} irreversible) to cluster {plan.Cluster.Name} ({plan.Cluster.Region}, account {plan.Cluster.AccountId})?";
        if (!dryRun && !Confirmation.Confirm(input, output, yes, question))
        {
            output.Error.WriteLine("Not applied; nothing was written.");
            return ExitCodes.Error;
        }

        using var signals = new SignalStop(output.Error);
        var progress = new ApplyProgressView(json ? output.Out : output.Error, json, plan.Changes.Length);
        var executor = Executor(connection, new ApplyOptions
        {
            DryRun = dryRun,
            Parallel = parallel,
            RestartWorkloads = restartWorkloads,
            RolloutTimeout = TimeSpan.FromSeconds(rolloutTimeout),
            JournalPath = journal,
            ToolVersion = Cli.ToolVersion.Current,
            StopToken = signals.Stop,
        }, progress);

        // Every change's precondition and postcondition are read after the confirmation, before the first write: what
        // someone changes while the prompt waits is still caught. A signal stops new steps (StopToken); the calls in
        // flight are not cancelled, they finish or time out.
        var result = await executor.ApplyAsync(saved, CancellationToken.None).ConfigureAwait(false);

        var summaryWriter = json ? output.Error : output.Out;
        if (result.Refusal is { } refusal)
        {
            ApplySummaryView.Refused(refusal, summaryWriter);
            return ExitCodes.Refused;
        }

        ApplySummaryView.Applied(result, summaryWriter);
        return ExitCode(result, signals.Signalled);
    }

    /// <summary>
    /// Opens the connection to the plan's cluster (also each cluster of <c>fleet apply</c>). The plan's account,
    /// region and cluster are checked first, before the API server is reached; the executor checks the cluster ARN and
    /// kube-system uid again before the first write.
    /// </summary>
    /// <param name="credentials">AWS credentials (a fleet cluster's assumed role); null for the SDK's chain or --profile.</param>
    internal static Task<ClusterConnection> ConnectAsync(Core.Plans.MigrationPlan plan, LiveOptions live, WireLogView? debug, Aws.Credentials.IAwsCredentialSource? credentials, CancellationToken cancellationToken)
    {
        var cluster = new ClusterOptions { Cluster = plan.Cluster.Name, Region = plan.Cluster.Region };
        var settings = LiveInventory.Settings(cluster, live, plan.Options.Workloads.IamRoleKey);
        return LiveInventory.ConnectAsync(settings, debug, new ClusterExpectation(plan.Cluster.AccountId, plan.Cluster.Region, plan.Cluster.Arn), credentials, cancellationToken);
    }

    /// <summary>The executor over <paramref name="connection"/> (also each cluster of <c>fleet apply</c>).</summary>
    internal static PlanExecutor Executor(ClusterConnection connection, ApplyOptions options, IApplyProgress progress) =>
        new(connection.Ports, options, progress);

    /// <summary>The exit code of an apply that ran (not refused).</summary>
    internal static int ExitCode(ApplyResult result, bool signalled) =>
        result.Interrupted && signalled ? ExitCodes.Cancelled
            : result.Stale > 0 ? ExitCodes.Refused
            : result.Succeeded ? ExitCodes.Success : ExitCodes.Error;
}
