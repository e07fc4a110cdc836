using Cocona;
using EksAccessMigrator.Cli.Views;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Core.Reports;
using EksAccessMigrator.Manifests;

namespace EksAccessMigrator.Cli.Commands;

/// <summary><c>scan</c>: what was found, offline (--from) or live (--cluster).</summary>
public sealed class ScanCommand(CliOutput output)
{
    [Command("scan", Description = "Show what the inputs or the live cluster hold: aws-auth mappings with their Kubernetes identity, kube2iam/kiam agents, and the roles workloads get today.")]
    public async Task<int> Scan(
        InputOptions input,
        ClusterOptions cluster,
        LiveOptions live,
        [Option("iam-role-key", Description = "The pod annotation that names the role (default iam.amazonaws.com/role).", ValueName = "KEY")] string? iamRoleKey = null,
        [Option("format", Description = "table (default) or json.", ValueName = "FORMAT")] string format = "table",
        CoconaAppContext? appContext = null)
    {
        var parsedFormat = OutputFormats.Parse(format, allowMarkdown: false);
        var cancellationToken = appContext?.CancellationToken ?? CancellationToken.None;
        ScanReport report;
        if (InputMode.IsOffline(input, cluster, live))
        {
            var scanned = OfflineInventory.ReadManifests(input, iamRoleKey, cancellationToken);
            InputWarningsView.Render(scanned.Skipped, output.Error);
            report = ScanReport.From($"{scanned.Objects} object(s) from {scanned.Files} file(s)", scanned.AwsAuth, scanned.Workloads.ToInventory([]), iamRoleKey);
            report = report with { NodeRoles = ScanReport.PostureOf(scanned.AwsAuth, scanned.Workloads.ToInventory([]), RolePermissionsReader.Read(scanned.IamSnapshots), iamRoleKey) };
        }
        else
        {
            var scan = await LiveInventory.ScanAsync(cluster, live, output, showProgress: parsedFormat != OutputFormat.Json, cancellationToken, iamRoleKey).ConfigureAwait(false);
            report = ScanReport.From($"the live cluster {scan.Cluster.Name} ({scan.Cluster.Region}, account {scan.Cluster.AccountId}, mode {scan.Cluster.AuthenticationMode.Wire()})", scan.Inventory.AwsAuth, scan.Inventory.Workloads, iamRoleKey, scan.Inventory.Cluster)
                with
            { NodeRoles = ScanReport.PostureOf(scan.Inventory, iamRoleKey) };
        }

        if (parsedFormat == OutputFormat.Json)
        {
            ScanJsonView.Render(report, output.Out);
        }
        else
        {
            ScanTableView.Render(report, output.Out, output.Width);
        }

        return ExitCodes.Success;
    }
}
