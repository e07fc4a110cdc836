namespace EksAccessMigrator.Cli.Views;

/// <summary>
/// The process's standard streams. The one place in src that touches System.Console (BannedSymbols.txt bans it
/// everywhere else; .editorconfig exempts this file only): everything else writes to the writers it is given.
/// </summary>
internal static class ProcessConsole
{
    public static TextWriter Out => Console.Out;

    public static TextWriter Error => Console.Error;

    public static TextReader In => Console.In;

    public static bool ErrorIsTerminal => !Console.IsErrorRedirected;

    public static bool InputIsTerminal => !Console.IsInputRedirected;

    /// <summary>The terminal's width when standard output is one (tables wrap to it); null when it is redirected.</summary>
    public static int? OutputWidth => Console.IsOutputRedirected ? null : Console.WindowWidth;
}
