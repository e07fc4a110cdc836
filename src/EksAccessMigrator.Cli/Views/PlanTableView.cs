using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Cli.Views;

/// <summary>The human summary of a plan for a terminal: blockers first, then changes in execution order.</summary>
public static class PlanTableView
{
    public static void Render(MigrationPlan plan, TextWriter writer, int? width = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(writer);
        var c = plan.Cluster;
        writer.WriteLine($"Plan for cluster {Text.Safe(c.Name)} ({Text.Safe(c.Region)}, account {Text.Safe(c.AccountId)}), phase {plan.Phase.Wire()}, authentication mode {c.AuthenticationMode.Wire()}");
        writer.WriteLine();

        WriteFindings(writer, "BLOCKERS: not migrated, they stay on their old mechanism", plan.Findings.Where(f => f.Severity == Severity.Blocker).ToList());

        writer.WriteLine(plan.Changes.IsEmpty ? "CHANGES: none" : $"CHANGES ({plan.Changes.Length}, in execution order)");
        if (!plan.Changes.IsEmpty)
        {
            var rows = plan.Changes.Select((change, i) => new[]
            {
                (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                change.Action,
                Text.Safe(ChangeText.Target(change)),
                Text.Safe(ChangeText.Details(change)) + (change.Reversible ? string.Empty : "  [IRREVERSIBLE]"),
            }).ToList();
            TextTable.Write(writer, ["#", "ACTION", "TARGET", "DETAILS"], rows, width);
        }

        writer.WriteLine();
        WriteFindings(writer, "WARNINGS: migrated, but read these", plan.Findings.Where(f => f.Severity == Severity.Warning).ToList());
        WriteFindings(writer, "INFO", plan.Findings.Where(f => f.Severity == Severity.Info).ToList());
        if (!plan.NoOps.IsEmpty)
        {
            writer.WriteLine($"ALREADY DONE ({plan.NoOps.Length})");
            foreach (var noOp in plan.NoOps)
            {
                writer.WriteLine($"  {Text.Safe(noOp.Address)}: {Text.Safe(noOp.Reason)}");
            }

            writer.WriteLine();
        }

        var s = plan.Summary;
        writer.WriteLine($"Summary: {s.Changes} change(s) ({s.Irreversible} irreversible), {s.NoOps} already done, {s.Blockers} blocker(s), {s.Warnings} warning(s), {s.Infos} info.");
    }

    private static void WriteFindings(TextWriter writer, string title, List<Finding> findings)
    {
        if (findings.Count == 0)
        {
            return;
        }

        writer.WriteLine($"{title} ({findings.Count})");
        foreach (var finding in findings)
        {
            writer.WriteLine($"  {finding.Code}  {Text.Safe(finding.Subject)}");
            writer.WriteLine($"      {Text.Safe(finding.Message)}");
        }

        writer.WriteLine();
    }
}
