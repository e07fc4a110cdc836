namespace EksAccessMigrator.Cli.Tests.Support;

/// <summary>The one shape every expected error takes: exit 1, nothing on standard output, one "error:" line, no stack trace.</summary>
internal static class CliAssert
{
    public static void OneLineError(CliRun.Result result, string expectedFragment)
    {
        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Out);
        var lines = result.Error.TrimEnd('\n').Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(expectedFragment, lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("This is a bug", result.Error, StringComparison.Ordinal);
    }
}
