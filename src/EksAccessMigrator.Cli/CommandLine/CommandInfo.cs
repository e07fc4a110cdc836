namespace EksAccessMigrator.Cli.CommandLine;

/// <summary>A command with its options and arguments, read from its Cocona attributes (one source for parsing checks and help).</summary>
public sealed record CommandInfo(string Name, string Description, IReadOnlyList<CommandOption> Options, IReadOnlyList<CommandArgument> Arguments)
{
    public CommandOption? Find(string name) =>
        Options.FirstOrDefault(o => o.Name == name);

    public CommandOption? FindShort(char name) =>
        Options.FirstOrDefault(o => o.ShortNames.Contains(name));
}
