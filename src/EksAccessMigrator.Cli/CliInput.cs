namespace EksAccessMigrator.Cli;

/// <summary>Where confirmations are read from, and whether a person is there to answer.</summary>
public sealed class CliInput(TextReader stdin, bool isTerminal)
{
    public TextReader In { get; } = stdin;

    public bool IsTerminal { get; } = isTerminal;
}
