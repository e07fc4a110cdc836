namespace EksAccessMigrator.Cli;

/// <summary>Where views write: standard output for results, standard error for messages.</summary>
public sealed class CliOutput(TextWriter stdout, TextWriter stderr, bool errorIsTerminal = false, int? width = null)
{
    /// <summary>The terminal's width when standard output is one; tables wrap to fit it. Null: never wrap.</summary>
    public int? Width { get; } = width is > 0 ? width : null;

    /// <summary>True when standard error is an interactive terminal (progress is shown only then).</summary>
    public bool ErrorIsTerminal { get; } = errorIsTerminal;

    public TextWriter Out { get; } = stdout;

    public TextWriter Error { get; } = stderr;
}
