using Cocona;
using EksAccessMigrator.Cli.Views;
using EksAccessMigrator.Core.Planning;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Core.Reports;

namespace EksAccessMigrator.Cli.Commands;

/// <summary><c>verify</c>: re-reads the live cluster and reports every migrated subject as ok, missing or different.</summary>
public sealed class VerifyCommand(CliOutput output, TimeProvider clock)
{
    [Command("verify", Description = "Re-read the live cluster and report every subject of a plan (or of the migration) as ok, missing, different or blocked. Exit 0 only when all are ok, 2 otherwise.")]
    public async Task<int> Verify(
        [Argument("plan", Description = "A plan file; its cluster, phase and options are used. Without it, the migrate phase is verified.")] string? planFile,
        LiveClusterOptions cluster,
        WorkloadOptions workloads,
        LiveOptions live,
        [Option("format", Description = "table (default) or json.", ValueName = "FORMAT")] string format = "table",
        CoconaAppContext? appContext = null)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(workloads);
        var parsedFormat = OutputFormats.Parse(format, allowMarkdown: false);
        var cancellationToken = appContext?.CancellationToken ?? CancellationToken.None;
        var saved = planFile is null ? null : PlanJson.Deserialize(await File.ReadAllTextAsync(planFile, cancellationToken).ConfigureAwait(false), planFile);
        if (saved is not null)
        {
            cluster.Cluster ??= saved.Cluster.Name;
            cluster.Region ??= saved.Cluster.Region;
            if (cluster.Cluster != saved.Cluster.Name || cluster.Region != saved.Cluster.Region)
            {
                throw new UsageException($"the plan is for cluster {saved.Cluster.Name} in {saved.Cluster.Region}, not {cluster.Cluster} in {cluster.Region}.");
            }
        }

        var roleKey = saved?.Options.Workloads.IamRoleKey ?? workloads.IamRoleKey;
        var scan = await LiveInventory.ScanAsync(cluster.ToClusterOptions(), live, output, showProgress: parsedFormat != OutputFormat.Json, cancellationToken, roleKey).ConfigureAwait(false);
        if (saved is not null && saved.Cluster.AccountId != scan.Cluster.AccountId)
        {
            throw new UsageException($"the plan is for account {saved.Cluster.AccountId}, but the cluster is in account {scan.Cluster.AccountId}; check the profile you are using.");
        }

        var now = clock.GetUtcNow();
        var options = saved is not null
            ? saved.Options.ToPlannerOptions(saved.Phase, Cli.ToolVersion.Current, now)
            : new PlannerOptions { Workloads = workloads.ToPlannerOptions(), ToolVersion = Cli.ToolVersion.Current, CreatedAt = now };
        var current = scan.Plan(options);
        var report = saved is null ? VerificationReport.ForCluster(current) : VerificationReport.ForPlan(saved, current);
        report = await VerifyProof.AddAsync(report, scan, cluster, live, output, roleKey, cancellationToken).ConfigureAwait(false);

        if (parsedFormat == OutputFormat.Json)
        {
            VerificationView.RenderJson(report, output.Out);
        }
        else
        {
            VerificationView.RenderTable(report, output.Out, output.Width);
        }

        return report.AllOk ? ExitCodes.Success : ExitCodes.ChangesPresent;
    }
}
