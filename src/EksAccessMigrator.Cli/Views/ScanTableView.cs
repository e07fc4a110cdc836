using System.Globalization;
using EksAccessMigrator.Core.Reports;

namespace EksAccessMigrator.Cli.Views;

/// <summary>What a scan found, for a terminal.</summary>
public static class ScanTableView
{
    public static void Render(ScanReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine($"Read {report.ObjectsRead} object(s) from {report.FilesRead} file(s).");
        if (report.AwsAuthLocation is null)
        {
            writer.WriteLine("No kube-system/aws-auth ConfigMap found.");
            return;
        }

        writer.WriteLine($"aws-auth: {Text.Safe(report.AwsAuthLocation)}");
        writer.WriteLine();
        writer.WriteLine($"MAPPINGS ({report.Mappings.Length})");
        if (!report.Mappings.IsEmpty)
        {
            TextTable.Write(writer, ["SOURCE", "PRINCIPAL", "USERNAME", "GROUPS"], [.. report.Mappings.Select(m => new[]
            {
                m.Source,
                Text.Safe(m.Principal),
                Text.Safe(m.Username ?? (m.InEffect ? "(none)" : string.Empty)),
                Text.Safe(string.Join(", ", m.Groups)),
            })]);
        }

        if (!report.Accounts.IsEmpty)
        {
            writer.WriteLine();
            writer.WriteLine($"ACCOUNTS (mapAccounts, {report.Accounts.Length.ToString(CultureInfo.InvariantCulture)}): {Text.Safe(string.Join(", ", report.Accounts))}");
        }

        if (!report.Findings.IsEmpty)
        {
            writer.WriteLine();
            writer.WriteLine($"FINDINGS ({report.Findings.Length})");
            foreach (var f in report.Findings)
            {
                writer.WriteLine($"  {f.Severity.ToString().ToLowerInvariant()}  {f.Code}  {Text.Safe(f.Subject)}");
                writer.WriteLine($"      {Text.Safe(f.Message)}");
            }
        }
    }
}
