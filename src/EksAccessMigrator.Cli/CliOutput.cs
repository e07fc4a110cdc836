namespace EksAccessMigrator.Cli;

/// <summary>Where views write: standard output for results, standard error for messages.</summary>
public sealed class CliOutput(TextWriter stdout, TextWriter stderr)
{
    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;
}
