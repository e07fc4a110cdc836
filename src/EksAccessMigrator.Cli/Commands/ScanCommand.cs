using Cocona;
using EksAccessMigrator.Cli.Views;
using EksAccessMigrator.Core.Reports;

namespace EksAccessMigrator.Cli.Commands;

/// <summary><c>scan</c>: what was found.</summary>
public sealed class ScanCommand(CliOutput output)
{
    [Command("scan", Description = "Show what the inputs hold: aws-auth mappings, principals and their Kubernetes identity.")]
    public int Scan(
        InputOptions input,
        [Option("format", Description = "table (default) or json.", ValueName = "FORMAT")] string format = "table",
        CoconaAppContext? context = null)
    {
        var parsedFormat = OutputFormats.Parse(format, allowMarkdown: false);
        var cancellationToken = context?.CancellationToken ?? CancellationToken.None;
        var scanned = OfflineInventory.ScanFiles(input, cancellationToken);
        var report = ScanReport.From(scanned.AwsAuth, scanned.Files, scanned.Objects);
        if (parsedFormat == OutputFormat.Json)
        {
            ScanJsonView.Render(report, output.Out);
        }
        else
        {
            ScanTableView.Render(report, output.Out);
        }

        return ExitCodes.Success;
    }
}
