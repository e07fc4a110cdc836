using System.Collections.Immutable;

namespace EksAccessMigrator.Core.Fleet;

/// <summary>The clusters of a fleet, in inventory order, their names unique (checked by <see cref="Problems"/>).</summary>
public sealed record FleetInventory(ImmutableArray<FleetCluster> Clusters)
{
    /// <summary>
    /// What makes a list of clusters unusable as an inventory, each problem worded for the person who wrote the
    /// file: no clusters, a duplicate name (two clusters would share a folder and a report row), a name that is not a
    /// valid EKS cluster name (it names a folder), a role that is not an IAM role ARN.
    /// </summary>
    public static ImmutableArray<string> Problems(IReadOnlyList<FleetCluster> clusters)
    {
        ArgumentNullException.ThrowIfNull(clusters);
        var problems = ImmutableArray.CreateBuilder<string>();
        if (clusters.Count == 0)
        {
            problems.Add("the inventory lists no clusters: add at least one under 'clusters:' with its name and region.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cluster in clusters)
        {
            if (!ValidName(cluster.Name))
            {
                problems.Add($"cluster name '{cluster.Name}' is not a valid EKS cluster name (1-100 letters, digits, '-' or '_', starting with a letter or digit).");
            }
            else if (!seen.Add(cluster.Name))
            {
                problems.Add($"cluster '{cluster.Name}' is listed more than once; each cluster must appear once (its plan, journal and report share one folder).");
            }

            if (cluster.RoleArn is { } role && !(role.StartsWith("arn:", StringComparison.Ordinal) && role.Contains(":role/", StringComparison.Ordinal)))
            {
                problems.Add($"cluster '{cluster.Name}': roleArn '{role}' is not an IAM role ARN such as arn:aws:iam::111122223333:role/eks-migrator.");
            }
        }

        return problems.ToImmutable();
    }

    private static bool ValidName(string name) =>
        name.Length is >= 1 and <= 100 && char.IsAsciiLetterOrDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
