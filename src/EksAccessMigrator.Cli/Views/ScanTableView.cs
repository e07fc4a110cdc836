using System.Globalization;
using EksAccessMigrator.Core.Reports;

namespace EksAccessMigrator.Cli.Views;

/// <summary>What a scan found, for a terminal.</summary>
public static class ScanTableView
{
    public static void Render(ScanReport report, TextWriter writer, int? width = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine($"Read {Text.Safe(report.Origin)}.");
        WriteAwsAuth(report, writer, width);
        WriteWorkloads(report, writer, width);
        WritePosture(report, writer);
    }

    /// <summary>Rules N1-N3: what every pod on each node role's nodes can do, today and after finalize.</summary>
    private static void WritePosture(ScanReport report, TextWriter writer)
    {
        if (report.NodeRoles is not { } roles)
        {
            return;
        }

        writer.WriteLine();
        writer.WriteLine($"POSTURE: NODE ROLES ({roles.Length}): what every pod on their nodes can do through instance metadata");
        writer.WriteLine("  (finalize removes only an inline assume-anything permission; the rest: playbook 'Tightening the node role after cutover')");
        foreach (var role in roles)
        {
            writer.WriteLine($"  {Text.Safe(role.RoleArn)} (used by {Text.Safe(role.UsedBy.IsEmpty ? "nodes" : string.Join(", ", role.UsedBy))})");
            Lines(writer, "today", role.Today);
            Lines(writer, "after finalize", role.AfterFinalize);
        }
    }

    private static void Lines(TextWriter writer, string title, System.Collections.Immutable.ImmutableArray<string> lines)
    {
        writer.WriteLine($"    {title}:{(lines.IsEmpty ? " nothing" : string.Empty)}");
        foreach (var line in lines)
        {
            writer.WriteLine($"      - {Text.Safe(line)}");
        }
    }

    private static void WriteAwsAuth(ScanReport report, TextWriter writer, int? width)
    {
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
            })], width);
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

    private static void WriteWorkloads(ScanReport report, TextWriter writer, int? width)
    {
        if (!report.Agents.IsEmpty)
        {
            writer.WriteLine();
            writer.WriteLine($"IDENTITY AGENTS ({report.Agents.Length})");
            TextTable.Write(writer, ["AGENT", "OBJECT", "ARGS"], [.. report.Agents.Select(a => new[] { a.Agent, Text.Safe(a.Key), Text.Safe(string.Join(' ', a.Args)) })], width);
        }

        if (!report.Workloads.IsEmpty)
        {
            writer.WriteLine();
            writer.WriteLine($"WORKLOAD ROLES ({report.Workloads.Length})");
            TextTable.Write(writer, ["OBJECT", "HOW", "SERVICE ACCOUNT", "ROLE"], [.. report.Workloads.Select(w => new[]
            {
                Text.Safe(w.Key),
                w.Mechanism,
                Text.Safe(w.ServiceAccount ?? "-"),
                Text.Safe(w.Role),
            })], width);
        }
    }
}
