using Cocona;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Cli.Commands;

/// <summary><c>show</c>: renders a saved plan.</summary>
public sealed class ShowCommand(CliOutput output)
{
    [Command("show", Description = "Render a saved plan file as a table, JSON or Markdown.")]
    public int Show(
        [Argument("file", Description = "A plan file written by 'plan --out'.")] string file,
        [Option("format", Description = "table (default), json or markdown.", ValueName = "FORMAT")] string format = "table")
    {
        var parsedFormat = OutputFormats.Parse(format);
        var plan = PlanJson.Deserialize(File.ReadAllText(file), file);
        PlanRenderer.Render(plan, parsedFormat, output.Out, output.Width);
        return ExitCodes.Success;
    }
}
