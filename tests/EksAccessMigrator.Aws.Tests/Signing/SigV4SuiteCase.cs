namespace EksAccessMigrator.Aws.Tests.Signing;

/// <summary>One case of the SigV4 test suite, parsed from its .req file.</summary>
internal sealed record SigV4SuiteCase(string Name, string Directory)
{
    public string File(string extension) =>
        System.IO.File.ReadAllText(Path.Combine(Directory, Name + extension)).Replace("\r\n", "\n", StringComparison.Ordinal);
}
