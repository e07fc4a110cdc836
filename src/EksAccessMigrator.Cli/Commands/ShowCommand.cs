using Cocona;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Cli.Commands;

/// <summary><c>show</c>: renders a saved plan.</summary>
public sealed class ShowCommand(CliOutput output)
{
    [Command("show", Description = "Render a saved plan file as a table, JSON or Markdown.")]
    public int Show(
        [Argument("file", Description = "A plan file written by 'plan --out'.")] string file,
        [Option("format", Description = "table (default), json or markdown.", ValueName = "FORMAT")] string format = "table",
        [Option("full", Description = "Markdown: render the whole plan instead of fitting a pull-request comment (65,000 characters).")] bool full = false,
        [Option("exit-code-on-blockers", Description = "Exit 4 when the plan has blockers (to fail a pull request's check).")] bool exitCodeOnBlockers = false)
    {
        var parsedFormat = OutputFormats.Parse(format);
        var bytes = File.ReadAllBytes(file);
        var plan = PlanJson.Deserialize(System.Text.Encoding.UTF8.GetString(bytes), file);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        PlanRenderer.Render(plan, parsedFormat, output.Out, output.Width, hash, full);
        return PlanRenderer.BlockerExit(plan, exitCodeOnBlockers) ?? ExitCodes.Success;
    }
}
