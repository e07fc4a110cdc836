using EksAccessMigrator.Cli.Views;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Cli.Commands;

/// <summary>Prints a plan in the chosen format.</summary>
public static class PlanRenderer
{
    /// <param name="planHash">The plan file's SHA-256, for the Markdown marker that lets a workflow update one comment.</param>
    /// <param name="full">Markdown: render everything instead of fitting a pull-request comment.</param>
    public static void Render(MigrationPlan plan, OutputFormat format, TextWriter writer, int? width = null, string? planHash = null, bool full = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (format)
        {
            case OutputFormat.Json:
                writer.Write(PlanJson.Serialize(plan));
                break;
            case OutputFormat.Markdown:
                PlanMarkdownView.Render(plan, writer, planHash, full ? null : PlanMarkdownView.CommentLimit);
                break;
            default:
                PlanTableView.Render(plan, writer, width);
                break;
        }
    }

    /// <summary>The SHA-256 of the plan file <c>plan --out</c> writes for <paramref name="plan"/> (the hash apply checks).</summary>
    public static string HashOf(MigrationPlan plan) => WriteHashed(Stream.Null, plan);

    /// <summary>Writes the plan file's bytes to <paramref name="stream"/> and returns their SHA-256, taken as they are written.</summary>
    public static string WriteHashed(Stream stream, MigrationPlan plan)
    {
        using var hashing = new HashingStream(stream);
        PlanJson.Serialize(hashing, plan);
        return hashing.HexHash();
    }

    /// <summary><c>--exit-code-on-blockers</c>: the exit code for a plan with blockers, so CI can fail the pull request.</summary>
    public static int? BlockerExit(MigrationPlan plan, bool asked) => asked && plan.Findings.Any(f => f.Severity == Severity.Blocker) ? ExitCodes.Blockers : null;
}
