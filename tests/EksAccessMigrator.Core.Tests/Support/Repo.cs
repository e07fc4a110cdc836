using System.Reflection;

namespace EksAccessMigrator.Core.Tests.Support;

/// <summary>Finds the repository (docs/plan.schema.json, this project's golden plans) wherever the build output goes.</summary>
internal static class Repo
{
    public static string Root { get; } = FindRoot();

    public static string Schema => Path.Combine(Root, "docs", "plan.schema.json");

    public static string Golden => Path.Combine(Root, "tests", "EksAccessMigrator.Core.Tests", "Golden");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EksAccessMigrator.sln")))
            {
                return dir.FullName;
            }
        }

        var recorded = typeof(Repo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        if (recorded is not null && File.Exists(Path.Combine(recorded, "EksAccessMigrator.sln")))
        {
            return Path.GetFullPath(recorded).TrimEnd('/');
        }

        throw new InvalidOperationException("EksAccessMigrator.sln not found above " + AppContext.BaseDirectory);
    }
}
