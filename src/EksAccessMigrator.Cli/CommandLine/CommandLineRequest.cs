namespace EksAccessMigrator.Cli.CommandLine;

/// <summary>What a checked command line asks for: help (for one command or the tool), or a run with these arguments.</summary>
public sealed record CommandLineRequest(bool IsHelp, CommandInfo? HelpCommand, bool HelpBecauseNothingGiven, IReadOnlyList<string> Args)
{
    public static CommandLineRequest Help(CommandInfo? command, bool nothingGiven) => new(true, command, nothingGiven, []);

    public static CommandLineRequest Run(IReadOnlyList<string> args) => new(false, null, false, args);
}
