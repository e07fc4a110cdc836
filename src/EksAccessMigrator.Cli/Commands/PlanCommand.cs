using System.Collections.Immutable;
using System.Globalization;
using Cocona;
using EksAccessMigrator.Cli.Views;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Manifests;

namespace EksAccessMigrator.Cli.Commands;

/// <summary><c>plan</c>: the reviewable migration plan.</summary>
public sealed class PlanCommand(CliOutput output, TimeProvider clock)
{
    [Command("plan", Description = "Plan the migration: write the plan file (--out) and print a summary.")]
    public async Task<int> Plan(
        InputOptions input,
        ClusterOptions cluster,
        PlanOptions plan,
        WorkloadOptions workloads,
        LiveOptions live,
        [Option("out", Description = "Write the plan file here (JSON).", ValueName = "FILE")] string? @out = null,
        [Option("format", Description = "table (default), json or markdown.", ValueName = "FORMAT")] string format = "table",
        [Option("detailed-exitcode", Description = "Exit 0 when the plan has no changes, 2 when it has changes, 1 on error.")] bool detailedExitcode = false,
        [Option("full", Description = "Markdown: render the whole plan instead of fitting a pull-request comment (65,000 characters).")] bool full = false,
        [Option("exit-code-on-blockers", Description = "Exit 4 when the plan has blockers (to fail a pull request's check); before --detailed-exitcode's 2.")] bool exitCodeOnBlockers = false,
        CoconaAppContext? appContext = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(workloads);
        var parsedFormat = OutputFormats.Parse(format);
        var options = Options(plan, clock) with { Workloads = workloads.ToPlannerOptions() };
        var cancellationToken = appContext?.CancellationToken ?? CancellationToken.None;
        ClusterInventory inventory;
        if (InputMode.IsOffline(input, cluster, live))
        {
            var scan = new OfflineInventoryScanner(OfflineInventory.Settings(input, cluster, plan.CallerArn, workloads.GivenIamRoleKey, workloads.GivenOidcIssuer)).Scan(cancellationToken);
            inventory = scan.Inventory;
            InputWarningsView.Render(scan.Skipped, output.Error);
        }
        else
        {
            if (plan.CallerArn is not null)
            {
                throw new UsageException("--caller-arn is for offline plans; a live plan asks STS who is running it.");
            }

            inventory = await ScanLiveAsync(cluster, live, workloads, output, showProgress: parsedFormat != OutputFormat.Json, null, cancellationToken).ConfigureAwait(false);
        }

        var result = MigrationPlanner.Plan(inventory, options);

        // The plan file is serialized once, straight to the file; only Markdown shows its hash, taken while writing.
        var markdown = parsedFormat == OutputFormat.Markdown;
        string? planHash = null;
        if (@out is not null && parsedFormat == OutputFormat.Table)
        {
            // The file and the table are independent: made at the same time, and the table is shown only once the file
            // is written, so a failed write still shows nothing but its error.
            await WriteWithTableAsync(@out, result, output, full, cancellationToken).ConfigureAwait(false);
        }
        else if (@out is not null)
        {
            AtomicFile.Write(@out, stream =>
            {
                if (markdown)
                {
                    planHash = PlanRenderer.WriteHashed(stream, result);
                }
                else
                {
                    PlanJson.Serialize(stream, result);
                }
            });
        }

        if (markdown)
        {
            planHash ??= PlanRenderer.HashOf(result);
        }

        if (@out is null || parsedFormat != OutputFormat.Table)
        {
            PlanRenderer.Render(result, parsedFormat, output.Out, output.Width, planHash, full);
        }

        if (@out is not null && parsedFormat != OutputFormat.Json)
        {
            output.Error.WriteLine($"Plan written to {@out}.");
        }

        return PlanRenderer.BlockerExit(result, exitCodeOnBlockers)
            ?? (detailedExitcode && !result.Changes.IsEmpty ? ExitCodes.ChangesPresent : ExitCodes.Success);
    }

    private static async Task WriteWithTableAsync(string path, MigrationPlan plan, CliOutput output, bool full, CancellationToken cancellationToken)
    {
        var table = new StringWriter(CultureInfo.InvariantCulture);
        var write = Task.Run(() => AtomicFile.Write(path, stream => PlanJson.Serialize(stream, plan)), cancellationToken);
        var render = Task.Run(() => PlanRenderer.Render(plan, OutputFormat.Table, table, output.Width, null, full), cancellationToken);

        // The write's failure first (WhenAll rethrows in the order given), after both have ended.
        await Task.WhenAll(write, render).ConfigureAwait(false);
        foreach (var chunk in table.GetStringBuilder().GetChunks())
        {
            output.Out.Write(chunk.Span);
        }
    }

    /// <summary>
    /// The live half of <c>plan</c> (also each cluster of <c>fleet plan</c>): the scan, with <c>--iam-role-key</c> and
    /// <c>--oidc-issuer</c> as scan settings (the inventory records them).
    /// </summary>
    /// <param name="credentials">AWS credentials (a fleet cluster's assumed role); null for the SDK's chain or --profile.</param>
    internal static async Task<ClusterInventory> ScanLiveAsync(ClusterOptions cluster, LiveOptions live, WorkloadOptions workloads, CliOutput output, bool showProgress, Aws.Credentials.IAwsCredentialSource? credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(workloads);
        var settings = LiveInventory.Settings(cluster, live, workloads.GivenIamRoleKey) with { OidcIssuer = workloads.GivenOidcIssuer };
        var scan = await LiveInventory.ScanAsync(settings, cluster, live, output, showProgress, credentials, cancellationToken).ConfigureAwait(false);
        return scan.Inventory;
    }

    /// <summary>The planner options of <c>plan</c>'s command line (also each cluster of <c>fleet plan</c>).</summary>
    internal static PlannerOptions Options(PlanOptions plan, TimeProvider clock)
    {
        if (!WireNames.TryParse<PlanPhase>(plan.Phase.Trim().ToLowerInvariant(), out var phase))
        {
            throw new UsageException($"--phase '{plan.Phase}' is not known; use migrate, cutover or finalize.");
        }

        AuthenticationMode? target = null;
        if (plan.TargetMode is not null)
        {
            target = AuthenticationMode.Parse(plan.TargetMode);
            if (target != AuthenticationMode.Api)
            {
                throw new UsageException($"--target-mode '{plan.TargetMode}' is not supported; the only target is API (API_AND_CONFIG_MAP is set by the migrate phase itself).");
            }

            if (phase != PlanPhase.Finalize)
            {
                throw new UsageException("--target-mode API belongs to the finalize phase: add --phase finalize, after the migrate plan was applied and verified.");
            }
        }

        return new PlannerOptions
        {
            Phase = phase,
            TargetAuthenticationMode = target,
            RewriteSessionNameRaw = plan.RewriteSessionNameRaw,
            BreakGlassArns = [.. plan.BreakGlassArn],
            ToolVersion = Cli.ToolVersion.Current,
            CreatedAt = CreationTime.Resolve(plan.CreatedAt, Environment.GetEnvironmentVariable(CreationTime.EpochVariable), clock),
        };
    }
}
