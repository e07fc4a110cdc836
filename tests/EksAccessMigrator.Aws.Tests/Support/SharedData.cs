using System.Runtime.CompilerServices;

namespace EksAccessMigrator.Aws.Tests.Support;

/// <summary>Finds /work/shared (a "shared" folder next to the repository) at test time.</summary>
internal static class SharedData
{
    public static string AwsModels => Path.Combine(Root, "aws-models");

    public static string Root { get; } = Locate();

    private static string Locate([CallerFilePath] string sourceFile = "")
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? string.Empty })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "aws-models");
                if (Directory.Exists(candidate))
                {
                    return Path.Combine(dir.FullName, "shared");
                }
            }
        }

        throw new DirectoryNotFoundException("No 'shared/aws-models' folder found above the test binaries or sources.");
    }
}
