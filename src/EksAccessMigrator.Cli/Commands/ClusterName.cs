using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Cli.Commands;

/// <summary>--cluster must follow the EKS naming rule: the name reaches file paths (the default journal).</summary>
public static class ClusterName
{
    public static void Check(string name)
    {
        if (!ClusterNames.IsValid(name))
        {
            throw new UsageException($"--cluster '{name}' is not an EKS cluster name: 1-{ClusterNames.MaxLength} characters, letters, digits, hyphens and underscores, starting with a letter or digit.");
        }
    }
}
