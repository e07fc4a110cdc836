using System.Collections.Immutable;
using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;

namespace EksAccessMigrator.Core.Planning.Workloads;

/// <summary>
/// Rule K5 (and invariant I2): one association per (namespace, ServiceAccount), only when every workload running as
/// it had exactly that role. Otherwise each migratable workload gets a dedicated ServiceAccount, named after it.
/// </summary>
internal sealed class ServiceAccountPlanner(ClusterInventory inventory, ServiceAccountIndex accounts, FindingList findings)
{
    private readonly Dictionary<string, HashSet<string>> _taken = Taken(inventory);

    public List<AssociationRequest> Plan(List<AssessedWorkload> assessed)
    {
        var requests = new List<AssociationRequest>();
        var groups = assessed
            .GroupBy(a => (a.Workload.Namespace, a.Workload.EffectiveServiceAccount))
            .OrderBy(g => g.Key.Namespace, StringComparer.Ordinal).ThenBy(g => g.Key.EffectiveServiceAccount, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var members = group.OrderBy(a => a.Workload.Key, StringComparer.Ordinal).ToList();
            var migratable = members.Where(a => a.Migratable).ToList();
            if (migratable.Count == 0)
            {
                continue;
            }

            var (ns, sa) = group.Key;
            var uniform = sa != "default" && members.All(a => a.Migratable && a.HadKey == migratable[0].HadKey);
            if (uniform)
            {
                requests.Add(new AssociationRequest(ns, sa, migratable[0].Role!, [.. members], [.. members.Select(m => m.Workload.Key)], Dedicated: false, Irsa: false));
                continue;
            }

            foreach (var member in migratable)
            {
                var others = members.Where(m => m != member && (m.HadKey != member.HadKey || !m.Migratable)).Select(m => m.Workload.Key).Take(5).ToList();
                var why = sa == "default"
                    ? "it runs as the namespace's default ServiceAccount, which every pod without serviceAccountName uses"
                    : $"its ServiceAccount {ns}/{sa} is shared with workloads that had another role or none ({string.Join(", ", others)})";
                requests.AddRange(Dedicated(member, why));
            }
        }

        return requests;
    }

    private IEnumerable<AssociationRequest> Dedicated(AssessedWorkload member, string why)
    {
        var w = member.Workload;
        if (w.Kind == "Pod")
        {
            findings.Add(WorkloadFindings.BarePodCannotBeMoved(w.Key, member.Role, why));
            yield break;
        }

        if (w.Kind == "Job")
        {
            findings.Add(ProjectFindings.JobCannotBeMoved(w.Key, member.Role, why));
            yield break;
        }

        var name = FreeName(w.Namespace, w.Name, w.Key);
        findings.Add(WorkloadFindings.OwnServiceAccount(w.Key, member.Role, why, w.Namespace, name, w.EffectiveServiceAccount));
        yield return new AssociationRequest(w.Namespace, name, member.Role!, [member], [w.Key], Dedicated: true, Irsa: false);
    }

    /// <summary>
    /// The workload's name, or the first of <c>NAME-pod-identity</c>, <c>NAME-pod-identity-2</c>, ... not yet taken;
    /// a name taken by this tool's own ServiceAccount for this workload (an earlier, interrupted apply) is its name.
    /// </summary>
    private string FreeName(string ns, string workload, string workloadKey)
    {
        if (!_taken.TryGetValue(ns, out var taken))
        {
            taken = new HashSet<string>(StringComparer.Ordinal);
            _taken[ns] = taken;
        }

        var candidate = workload;
        for (var i = 1; taken.Contains(candidate) && !accounts.IsOwnedFor(ns, candidate, workloadKey); i++)
        {
            candidate = i == 1 ? $"{workload}-pod-identity" : $"{workload}-pod-identity-{i}";
        }

        taken.Add(candidate);
        return candidate;
    }

    private static Dictionary<string, HashSet<string>> Taken(ClusterInventory inventory)
    {
        var names = inventory.Workloads.ServiceAccounts.Select(s => (s.Namespace, s.Name))
            .Concat(inventory.Workloads.Workloads.Select(w => (w.Namespace, Name: w.EffectiveServiceAccount)));
        return names.GroupBy(n => n.Namespace, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(n => n.Name).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
    }

    public static ImmutableArray<string> Copied(ServiceAccountInfo? old) => old?.ImagePullSecrets ?? [];
}
