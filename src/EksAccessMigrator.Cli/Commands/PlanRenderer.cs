using EksAccessMigrator.Cli.Views;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Cli.Commands;

/// <summary>Prints a plan in the chosen format.</summary>
public static class PlanRenderer
{
    public static void Render(MigrationPlan plan, OutputFormat format, TextWriter writer, int? width = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (format)
        {
            case OutputFormat.Json:
                writer.Write(PlanJson.Serialize(plan));
                break;
            case OutputFormat.Markdown:
                PlanMarkdownView.Render(plan, writer);
                break;
            default:
                PlanTableView.Render(plan, writer, width);
                break;
        }
    }
}
