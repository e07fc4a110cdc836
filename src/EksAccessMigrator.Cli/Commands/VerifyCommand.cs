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

        var report = await ReportAsync(saved, cluster.ToClusterOptions(), workloads, live, output, showProgress: parsedFormat != OutputFormat.Json, clock, null, cancellationToken).ConfigureAwait(false);

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

    /// <summary>
    /// Scans the cluster and compares it with the plan (or the migrate phase without one); also each cluster of
    /// <c>fleet verify</c>.
    /// </summary>
    /// <param name="credentials">AWS credentials (a fleet cluster's assumed role); null for the SDK's chain or --profile.</param>
    internal static async Task<VerificationReport> ReportAsync(MigrationPlan? saved, ClusterOptions cluster, WorkloadOptions workloads, LiveOptions live, CliOutput output, bool showProgress, TimeProvider clock, Aws.Credentials.IAwsCredentialSource? credentials, CancellationToken cancellationToken)
    {
        // A saved plan's scan settings are scanned with again (its OIDC issuer, as the plan recorded it, wins over
        // DescribeCluster's); without a plan, the command line's.
        var roleKey = saved?.Options.Workloads.IamRoleKey ?? workloads.GivenIamRoleKey;
        var issuer = saved is not null ? saved.Options.Workloads.OidcIssuer : workloads.GivenOidcIssuer;
        var settings = LiveInventory.Settings(cluster, live, roleKey) with { OidcIssuer = issuer };
        var scan = await LiveInventory.ScanAsync(settings, cluster, live, output, showProgress, credentials, cancellationToken).ConfigureAwait(false);
        if (saved is not null && saved.Cluster.AccountId != scan.Cluster.AccountId)
        {
            throw new UsageException($"the plan is for account {saved.Cluster.AccountId}, but the cluster is in account {scan.Cluster.AccountId}; check the profile you are using.");
        }

        var now = clock.GetUtcNow();
        var options = saved is not null
            ? saved.Options.ToPlannerOptions(saved.Phase, Cli.ToolVersion.Current, now)
            : new PlannerOptions { Workloads = workloads.ToPlannerOptions(), ToolVersion = Cli.ToolVersion.Current, CreatedAt = now };
        var current = MigrationPlanner.Plan(scan.Inventory, options);
        var report = saved is null ? VerificationReport.ForCluster(current) : VerificationReport.ForPlan(saved, current);
        return VerifyProof.Add(report, scan, roleKey);
    }
}
