using System.Reflection;

namespace EksAccessMigrator.TestSupport;

/// <summary>
/// The workplace's shared folder beside the repository (../shared: the public corpus, the SigV4 suite and botocore's
/// signed examples). Tests that read it are extra checks: a clone without it skips them and says why.
/// </summary>
public static class SharedFolder
{
    public static string Root { get; } = Locate();

    public static string Path_(params string[] parts) => Path.Combine([Root, .. parts]);

    public static bool Has(string relative) => Directory.Exists(Path_(relative)) || File.Exists(Path_(relative));

    /// <summary>Why a test that needs <paramref name="relative"/> cannot run here, or null when it can.</summary>
    public static string? MissingReason(string relative) => Has(relative)
        ? null
        : $"needs ../shared/{relative} beside the repository (the workplace's shared folder); it is absent at {Path_(relative)}, so this extra check is skipped";

    private static string Locate()
    {
        var recorded = typeof(SharedFolder).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EksAccessMigrator.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
            }
        }

        return recorded is null
            ? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "shared-folder-not-found"))
            : Path.GetFullPath(Path.Combine(recorded, "..", "shared"));
    }
}
