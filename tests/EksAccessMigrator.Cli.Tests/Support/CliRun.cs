namespace EksAccessMigrator.Cli.Tests.Support;

/// <summary>Runs the real command-line application in-process and captures what it prints.</summary>
internal static class CliRun
{
    public sealed record Result(int ExitCode, string Out, string Error)
    {
        /// <summary>
        /// Output with the machine's repository path replaced, for golden files; so is the plan hash of the Markdown
        /// marker, since the plan it hashes holds that path.
        /// </summary>
        public string NormalizedOut => System.Text.RegularExpressions.Regex.Replace(Out.Replace(Repo.Root, "<repo>", StringComparison.Ordinal), "plan=[0-9a-f]{64}", "plan=<sha256>");
    }

    public static Task<Result> RunAsync(params string[] args) => RunAsync(null, args);

    /// <summary>Runs with <paramref name="terminalInput"/> as a person's answers at a terminal (null: no terminal).</summary>
    public static async Task<Result> RunAsync(TextReader? terminalInput, params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var code = await CliApp.RunAsync(args, stdout, stderr, FixedClock.Default, stdin: terminalInput, inputIsTerminal: terminalInput is not null);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }
}
