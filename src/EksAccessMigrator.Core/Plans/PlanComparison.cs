using System.Collections.Immutable;

namespace EksAccessMigrator.Core.Plans;

/// <summary>
/// Compares a saved plan with one derived again from the cluster (stale-plan protection: what was reviewed is what
/// gets applied, or nothing). Everything but the creation time and the tool version must be equal: the cluster,
/// the phase, every change with every member, and the findings (a new blocker changes what is safe).
/// </summary>
public static class PlanComparison
{
    public static ImmutableArray<PlanDifference> Compare(MigrationPlan saved, MigrationPlan current)
    {
        ArgumentNullException.ThrowIfNull(saved);
        ArgumentNullException.ThrowIfNull(current);
        var differences = new List<PlanDifference>();
        if (saved.Cluster != current.Cluster)
        {
            differences.Add(new PlanDifference("changed", "cluster", Describe(saved.Cluster), Describe(current.Cluster)));
        }

        if (saved.Phase != current.Phase)
        {
            differences.Add(new PlanDifference("changed", "phase", saved.Phase, current.Phase));
        }

        Diff(differences, Index(saved.Changes, c => c.Address, ChangeJson), Index(current.Changes, c => c.Address, ChangeJson));
        Diff(differences, Index(saved.Findings, FindingKey, f => f.Severity.ToString().ToLowerInvariant()), Index(current.Findings, FindingKey, f => f.Severity.ToString().ToLowerInvariant()));
        return [.. differences];
    }

    private static string Describe(PlanCluster c) => $"{c.Name} in {c.Region}, account {c.AccountId}, mode {c.AuthenticationMode}, kube-system uid {c.KubeSystemUid ?? "not recorded"}";

    private static string FindingKey(Finding f) => $"finding/{f.Code}/{f.Subject}";

    private static string ChangeJson(PlanChange change) => PlanJson.SerializeChange(change);

    private static SortedDictionary<string, string> Index<T>(ImmutableArray<T> items, Func<T, string> key, Func<T, string> value)
    {
        var index = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var k = key(item);
            index[k] = index.TryGetValue(k, out var existing) ? existing + "\n" + value(item) : value(item);
        }

        return index;
    }

    private static void Diff(List<PlanDifference> differences, SortedDictionary<string, string> saved, SortedDictionary<string, string> current)
    {
        foreach (var (key, value) in saved)
        {
            if (!current.TryGetValue(key, out var now))
            {
                differences.Add(new PlanDifference("removed", key, value, null));
            }
            else if (now != value)
            {
                differences.Add(new PlanDifference("changed", key, value, now));
            }
        }

        foreach (var (key, value) in current.Where(kv => !saved.ContainsKey(kv.Key)))
        {
            differences.Add(new PlanDifference("added", key, null, value));
        }
    }
}
