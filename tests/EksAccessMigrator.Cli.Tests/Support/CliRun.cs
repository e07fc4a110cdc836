namespace EksAccessMigrator.Cli.Tests.Support;

/// <summary>Runs the real command-line application in-process and captures what it prints.</summary>
internal static class CliRun
{
    public sealed record Result(int ExitCode, string Out, string Error)
    {
        /// <summary>Output with the machine's repository path replaced, for golden files.</summary>
        public string NormalizedOut => Out.Replace(Repo.Root, "<repo>", StringComparison.Ordinal);
    }

    public static async Task<Result> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter { NewLine = "\n" };
        using var stderr = new StringWriter { NewLine = "\n" };
        var code = await CliApp.RunAsync(args, stdout, stderr, FixedClock.Default);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }
}
