namespace EksAccessMigrator.Cli.Tests.Support;

/// <summary>
/// Golden files: the expected output, checked in. Set EAM_UPDATE_GOLDEN=1 to rewrite them after a deliberate
/// change, then review the diff in the pull request.
/// </summary>
internal static class Golden
{
    public static void Verify(string name, string actual)
    {
        var path = Path.Combine(Repo.Golden, name);
        if (Environment.GetEnvironmentVariable("EAM_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"Golden file {name} is missing; run the tests with EAM_UPDATE_GOLDEN=1 to create it.");
        var expected = File.ReadAllText(path);
        if (expected != actual)
        {
            var line = FirstDifferentLine(expected, actual);
            Assert.Fail($"{name} differs from its golden file at line {line.Number}:\n  expected: {line.Expected}\n  actual:   {line.Actual}\nRun with EAM_UPDATE_GOLDEN=1 if the change is intended.");
        }
    }

    private static (int Number, string Expected, string Actual) FirstDifferentLine(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            var el = i < e.Length ? e[i] : "(end)";
            var al = i < a.Length ? a[i] : "(end)";
            if (el != al)
            {
                return (i + 1, el, al);
            }
        }

        return (0, string.Empty, string.Empty);
    }
}
