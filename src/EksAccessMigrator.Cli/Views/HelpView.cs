using System.Text;
using EksAccessMigrator.Cli.CommandLine;

namespace EksAccessMigrator.Cli.Views;

/// <summary>Help text for the tool and for each command, from the command catalogue (no framework internals).</summary>
public static class HelpView
{
    private const int Width = 100;

    public static void Render(CommandCatalogue catalogue, CommandInfo? command, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(catalogue);
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(command is null ? Root(catalogue) : Of(command));
    }

    private static string Root(CommandCatalogue catalogue)
    {
        var text = new StringBuilder();
        text.AppendLine($"Usage: {CommandLineCheck.ToolName} COMMAND [options]");
        text.AppendLine();
        text.AppendLine("Moves Amazon EKS clusters from aws-auth, kube2iam, kiam and IRSA to access entries and Pod Identity, through a reviewed plan file.");
        text.AppendLine();
        text.AppendLine("Commands:");
        var width = catalogue.Commands.Max(c => c.Name.Length) + 4;
        foreach (var command in catalogue.Commands)
        {
            AppendItem(text, command.Name, command.Description, width);
        }

        text.AppendLine();
        text.AppendLine("Options:");
        AppendItem(text, "-h, --help", "Show help; 'help COMMAND' or 'COMMAND --help' for a command's options.", width + 8);
        AppendItem(text, "--version", "Show the version.", width + 8);
        return text.ToString();
    }

    private static string Of(CommandInfo command)
    {
        var text = new StringBuilder();
        text.AppendLine($"Usage: {CommandLineCheck.Usage(command)}");
        text.AppendLine();
        text.AppendLine(command.Description);
        if (command.Arguments.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("Arguments:");
            var argumentWidth = command.Arguments.Max(a => a.Name.Length) + 8;
            foreach (var argument in command.Arguments)
            {
                AppendItem(text, argument.Optional ? $"[{argument.Name.ToUpperInvariant()}]" : argument.Name.ToUpperInvariant(), argument.Description + (argument.Optional ? " (optional)" : string.Empty), argumentWidth);
            }
        }

        var options = command.Options.Select(o => (Label: Label(o), Option: o)).ToList();
        options.Add(("-h, --help", new CommandOption("help", ['h'], null, "Show this help.", typeof(bool), false, null)));
        var width = options.Max(o => o.Label.Length) + 4;
        text.AppendLine();
        text.AppendLine("Options:");
        foreach (var (label, option) in options)
        {
            var description = option.Description;
            if (option.Default is { } value && !description.Contains("default", StringComparison.OrdinalIgnoreCase))
            {
                description += $" (default: {value})";
            }

            AppendItem(text, label, description, width);
        }

        return text.ToString();
    }

    private static string Label(CommandOption option)
    {
        var names = option.ShortNames.Select(s => $"-{s}").ToList();
        if (option.Name == "format")
        {
            names.Add("-o");
        }

        names.Add($"--{option.Name}");
        var label = string.Join(", ", names);
        return option.IsFlag ? label : $"{label} {option.ValueName}{(option.Repeatable ? " ..." : string.Empty)}";
    }

    private static void AppendItem(StringBuilder text, string label, string description, int width)
    {
        var lines = Wrap(description, Math.Max(30, Width - width - 2));
        text.Append("  ").Append(label.PadRight(width)).AppendLine(lines[0]);
        foreach (var line in lines.Skip(1))
        {
            text.Append(' ', width + 2).AppendLine(line);
        }
    }

    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }

            line.Append(line.Length > 0 ? " " : string.Empty).Append(word);
        }

        lines.Add(line.ToString());
        return lines;
    }
}
