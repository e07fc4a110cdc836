namespace EksAccessMigrator.Cli.Tests.Support;

/// <summary>Finds the repository and the shared folder beside it (the corpus is read from there, never copied).</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Shared => EksAccessMigrator.TestSupport.SharedFolder.Root;

    public static string Corpus => Path.Combine(Shared, "corpus");

    public static string Golden => Path.Combine(Root, "tests", "EksAccessMigrator.Cli.Tests", "Golden");

    public static string Path_(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The CLI as built beside these tests (same configuration and framework), to run as a process of its own.</summary>
    public static string CliExecutable()
    {
        var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = framework.Parent!.Name;
        return Path_("src", "EksAccessMigrator.Cli", "bin", configuration, framework.Name, "eks-access-migrator");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EksAccessMigrator.sln")))
            {
                return dir.FullName;
            }
        }

        var recorded = typeof(Repo).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (recorded is not null && File.Exists(Path.Combine(recorded, "EksAccessMigrator.sln")))
        {
            return Path.GetFullPath(recorded).TrimEnd('/');
        }

        throw new InvalidOperationException("EksAccessMigrator.sln not found above " + AppContext.BaseDirectory);
    }
}
