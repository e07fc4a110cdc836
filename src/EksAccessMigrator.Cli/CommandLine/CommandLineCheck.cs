using System.Globalization;

namespace EksAccessMigrator.Cli.CommandLine;

/// <summary>
/// Reads the command line before Cocona binds it, the way users of terraform, kubectl and the AWS CLI expect:
/// <c>--help</c>, <c>-h</c> and <c>help [COMMAND]</c> anywhere; <c>-o</c>/<c>--output</c> for <c>--format</c>;
/// unknown commands and options with the closest known one; a missing value, a value of the wrong type or a
/// missing argument as one clear line (exit 1), never a framework error.
/// </summary>
public static class CommandLineCheck
{
    public const string ToolName = "eks-access-migrator";

    /// <summary>What to do with <paramref name="args"/>; throws <see cref="UsageException"/> for a bad command line.</summary>
    public static CommandLineRequest Inspect(IReadOnlyList<string> args, CommandCatalogue catalogue)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(catalogue);
        if (args.Count == 0 || args[0] is "--help" or "-h")
        {
            return CommandLineRequest.Help(null, args.Count == 0);
        }

        if (args[0] == "help")
        {
            return CommandLineRequest.Help(args.Count > 1 && catalogue.Groups.Contains(args[1]) ? Command(args[1], args.Count > 2 ? args[2] : null, catalogue) : args.Count > 1 ? Command(args[1], catalogue) : null, false);
        }

        if (args[0] == "--version")
        {
            return CommandLineRequest.Run([.. args]);
        }

        if (args[0].StartsWith('-'))
        {
            throw new UsageException($"'{Shorten(args[0])}' is not an option of {ToolName} itself; put options after the command (see '{ToolName} --help').");
        }

        var grouped = catalogue.Groups.Contains(args[0]);
        var command = grouped ? Command(args[0], args.Count > 1 ? args[1] : null, catalogue) : Command(args[0], catalogue);
        var rewritten = grouped ? new List<string> { args[0], args[1] } : new List<string> { args[0] };
        var positional = new List<string>();
        for (var i = rewritten.Count; i < args.Count; i++)
        {
            var token = args[i];
            if (token == "--")
            {
                rewritten.AddRange(args.Skip(i));
                positional.AddRange(args.Skip(i + 1));
                break;
            }

            if (token is "--help" or "-h")
            {
                return CommandLineRequest.Help(command, false);
            }

            if (!token.StartsWith('-') || token == "-")
            {
                positional.Add(token);
                rewritten.Add(token);
                continue;
            }

            var (option, inlineValue) = OptionOf(token, command);
            rewritten.Add(inlineValue is null ? $"--{option.Name}" : $"--{option.Name}={inlineValue}");
            if (option.IsFlag)
            {
                if (inlineValue is not null && !bool.TryParse(inlineValue, out _))
                {
                    throw new UsageException($"--{option.Name} is a switch; it takes no value, or true/false (not '{Shorten(inlineValue)}').");
                }

                continue;
            }

            var value = inlineValue;
            if (value is null)
            {
                if (i + 1 >= args.Count)
                {
                    throw new UsageException($"--{option.Name} needs a value ({option.ValueName}); see '{ToolName} {command.Name} --help'.");
                }

                value = args[++i];
                rewritten.Add(value);
            }

            CheckType(option, value);
            if (option.ValueName == "FILE")
            {
                CheckNotDirectory(value, $"--{option.Name}");
            }
        }

        var required = command.Arguments.Count(a => !a.Optional);
        if (positional.Count < required)
        {
            var missing = command.Arguments[positional.Count];
            throw new UsageException($"{command.Name} needs {missing.Name.ToUpperInvariant()}: {missing.Description.TrimEnd('.')}. Usage: {Usage(command)}.");
        }

        foreach (var (argument, value) in command.Arguments.Zip(positional))
        {
            CheckNotDirectory(value, argument.Name.ToUpperInvariant());
        }

        if (positional.Count > command.Arguments.Count)
        {
            throw new UsageException($"{command.Name} takes {(command.Arguments.Count == 0 ? "no arguments" : $"at most {command.Arguments.Count} argument(s)")}, but '{Shorten(positional[command.Arguments.Count])}' was given too. Usage: {Usage(command)}.");
        }

        return CommandLineRequest.Run([.. rewritten]);
    }

    /// <summary>The one-line usage of a command: <c>eks-access-migrator show FILE [options]</c>.</summary>
    public static string Usage(CommandInfo command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var arguments = command.Arguments.Select(a => a.Optional ? $"[{a.Name.ToUpperInvariant()}]" : a.Name.ToUpperInvariant());
        return string.Join(' ', new[] { ToolName, command.Name }.Concat(arguments).Append("[options]"));
    }

    private static CommandInfo Command(string name, CommandCatalogue catalogue)
    {
        if (catalogue.Find(name) is { } command)
        {
            return command;
        }

        var closest = Closest(name, catalogue.Commands.Select(c => c.Name));
        throw new UsageException($"'{Shorten(name)}' is not a command{(closest is null ? string.Empty : $"; did you mean '{closest}'?")} See '{ToolName} --help' for the commands.");
    }

    /// <summary>A sub-command of a group (<c>fleet plan</c>); a missing or unknown one names the group's sub-commands.</summary>
    private static CommandInfo Command(string group, string? name, CommandCatalogue catalogue)
    {
        var names = catalogue.Commands.Where(c => c.Name.StartsWith(group + " ", StringComparison.Ordinal)).Select(c => c.Name[(group.Length + 1)..]).ToList();
        if (name is not null && !name.StartsWith('-') && catalogue.Find($"{group} {name}") is { } command)
        {
            return command;
        }

        var closest = name is null || name.StartsWith('-') ? null : Closest(name, names);
        var given = name is null || name.StartsWith('-') ? "needs a sub-command" : $"has no sub-command '{Shorten(name)}'{(closest is null ? string.Empty : $"; did you mean '{group} {closest}'?")}";
        throw new UsageException($"{group} {given}: {string.Join(", ", names)}. See '{ToolName} {group} {names[0]} --help'.");
    }

    private static (CommandOption Option, string? InlineValue) OptionOf(string token, CommandInfo command)
    {
        string name;
        string? inline = null;
        if (token.StartsWith("--", StringComparison.Ordinal))
        {
            name = token[2..];
            var equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                inline = name[(equals + 1)..];
                name = name[..equals];
            }

            if (name == "output" && command.Find("format") is { } format)
            {
                return (format, inline);
            }

            if (command.Find(name) is { } option)
            {
                return (option, inline);
            }
        }
        else
        {
            name = token[1..2];
            inline = token.Length > 2 ? token[2..].TrimStart('=') : null;
            if (name == "o" && command.Find("format") is { } format)
            {
                return (format, inline);
            }

            if (command.FindShort(name[0]) is { } option)
            {
                return (option, inline);
            }
        }

        var closest = Closest(name, command.Options.Select(o => o.Name));
        throw new UsageException($"{command.Name} has no option '{Shorten(token)}'{(closest is null ? string.Empty : $"; did you mean --{closest}?")} See '{ToolName} {command.Name} --help'.");
    }

    private static void CheckType(CommandOption option, string value)
    {
        if (option.ValueType == typeof(int) && !int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            throw new UsageException($"--{option.Name} takes a whole number ({option.ValueName}), not '{Shorten(value)}'.");
        }
    }

    /// <summary>Every argument and FILE option names a file; a directory there gets its own message, not "permission denied".</summary>
    private static void CheckNotDirectory(string path, string what)
    {
        if (Directory.Exists(path))
        {
            throw new UsageException($"{Shorten(path)} is a directory; {what} takes a file.");
        }
    }

    /// <summary>The known name closest to <paramref name="given"/> by edit distance, when it is close enough to be a typo.</summary>
    internal static string? Closest(string given, IEnumerable<string> known)
    {
        var best = known
            .Select(k => (Name: k, Distance: EditDistance.Between(given.ToLowerInvariant(), k)))
            .OrderBy(k => k.Distance)
            .ThenBy(k => k.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        if (best.Name is null)
        {
            return null;
        }

        var prefix = best.Name.StartsWith(given, StringComparison.OrdinalIgnoreCase) && given.Length >= 2;
        return prefix || best.Distance <= Math.Max(2, given.Length / 3) ? best.Name : null;
    }

    internal static string Shorten(string text) => text.Length <= 60 ? text : string.Concat(text.AsSpan(0, 57), "...");
}
