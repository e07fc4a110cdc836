namespace EksAccessMigrator.Cli.CommandLine;

/// <summary>A positional argument of a command.</summary>
public sealed record CommandArgument(string Name, string Description, bool Optional);
