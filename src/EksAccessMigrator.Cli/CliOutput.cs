namespace EksAccessMigrator.Cli;

/// <summary>Where views write: standard output for results, standard error for messages.</summary>
public sealed class CliOutput(TextWriter stdout, TextWriter stderr, bool errorIsTerminal = false)
{
    /// <summary>True when standard error is an interactive terminal (progress is shown only then).</summary>
    public bool ErrorIsTerminal { get; } = errorIsTerminal;

    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;
}
