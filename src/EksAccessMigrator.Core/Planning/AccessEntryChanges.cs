using System.Collections.Immutable;
using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Planning;

/// <summary>
/// Compares the access entries aws-auth calls for with those the cluster has (rules A9-A11) and emits the
/// changes, the no-ops and the findings.
/// </summary>
internal sealed class AccessEntryChanges(ClusterInventory inventory, FindingList findings)
{
    /// <summary>EKS's quota of access entries per cluster.</summary>
    public const int Quota = 3000;

    public List<PlanChange> Changes { get; } = [];

    public List<PlanNoOp> NoOps { get; } = [];

    public void Plan(ImmutableArray<DesiredAccessEntry> desired)
    {
        var existing = (inventory.ExistingAccessEntries ?? [])
            .GroupBy(e => PrincipalKey.Of(e.PrincipalArn) ?? e.PrincipalArn, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        var withinQuota = ApplyQuota(desired, existing);
        foreach (var entry in withinQuota.OrderBy(d => d.PrincipalArn, StringComparer.Ordinal))
        {
            if (existing.TryGetValue(entry.Key, out var current))
            {
                Reconcile(entry, current);
            }
            else
            {
                Create(entry);
            }
        }

        var wanted = desired.Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, entry) in existing.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (!wanted.Contains(key) && entry.Policies.Any(p => AccessPolicyArns.IsClusterAdmin(p.PolicyArn) && p.AccessScope.Type == AccessScope.ClusterType))
            {
                findings.Info(FindingCodes.ClusterCreatorAdmin, entry.PrincipalArn,
                    $"{entry.PrincipalArn} already has a cluster-admin access entry that aws-auth never showed (EKS creates one for the cluster creator). It is left as it is; remove it deliberately if that access is not wanted.");
            }
        }
    }

    private IEnumerable<DesiredAccessEntry> ApplyQuota(ImmutableArray<DesiredAccessEntry> desired, Dictionary<string, ExistingAccessEntry> existing)
    {
        var creates = desired.Where(d => !existing.ContainsKey(d.Key)).OrderBy(d => d.PrincipalArn, StringComparer.Ordinal).ToList();
        var room = Math.Max(0, Quota - existing.Count);
        if (creates.Count <= room)
        {
            return desired;
        }

        var over = creates.Skip(room).ToList();
        findings.Blocker(FindingCodes.AccessEntryQuota, "cluster",
            $"The cluster would need {existing.Count + creates.Count} access entries ({existing.Count} existing, {creates.Count} new); EKS allows {Quota} per cluster. The {over.Count} principals past the quota (last by ARN) are not planned and stay in aws-auth. Consolidate principals (for example, one role per team) or ask AWS for a higher quota, then plan again.",
            [.. over.Select(d => d.Source).Distinct()]);
        var excluded = over.Select(d => d.Key).ToHashSet(StringComparer.Ordinal);
        return desired.Where(d => !excluded.Contains(d.Key));
    }

    private void Create(DesiredAccessEntry entry)
    {
        Changes.Add(new CreateAccessEntryChange
        {
            Address = Addresses.AccessEntry(entry.PrincipalArn),
            PrincipalArn = entry.PrincipalArn,
            Type = entry.Type,
            Username = entry.Username,
            KubernetesGroups = entry.Groups,
            Reversible = true,
            Sources = [entry.Source],
        });
        foreach (var policy in entry.ClusterPolicyArns)
        {
            Associate(entry, policy);
        }
    }

    private void Reconcile(DesiredAccessEntry entry, ExistingAccessEntry current)
    {
        if (current.Type != entry.Type)
        {
            findings.Blocker(FindingCodes.AccessEntryConflict, entry.PrincipalArn,
                $"{entry.PrincipalArn} already has an access entry of type {current.Type}, but {entry.Source} calls for {entry.Type}. An entry's type cannot be changed; the principal keeps its aws-auth mapping. Delete or fix the existing entry deliberately, then plan again.",
                entry.Source);
            return;
        }

        var sameGroups = current.KubernetesGroups.ToHashSet(StringComparer.Ordinal).SetEquals(entry.Groups);
        var sameUsername = entry.Username is null || entry.Username == current.Username;
        if (entry.Type == AccessEntryTypes.Standard && (!sameGroups || !sameUsername))
        {
            Changes.Add(new UpdateAccessEntryChange
            {
                Address = Addresses.AccessEntry(entry.PrincipalArn),
                PrincipalArn = current.PrincipalArn,
                Username = entry.Username,
                KubernetesGroups = entry.Groups,
                PreviousUsername = current.Username,
                PreviousKubernetesGroups = current.KubernetesGroups,
                Reversible = true,
                Sources = [entry.Source],
            });
        }
        else
        {
            NoOps.Add(new PlanNoOp(Addresses.AccessEntry(entry.PrincipalArn), $"access entry of type {entry.Type} with the same username and groups exists", [entry.Source]));
        }

        foreach (var policy in entry.ClusterPolicyArns)
        {
            var has = current.Policies.Any(p => p.PolicyArn == policy && p.AccessScope.SameAs(AccessScope.Cluster));
            if (has)
            {
                NoOps.Add(new PlanNoOp(Addresses.AccessPolicy(entry.PrincipalArn, policy, AccessScope.Cluster), "policy already associated at cluster scope", [entry.Source]));
            }
            else
            {
                Associate(entry, policy);
            }
        }

        foreach (var extra in current.Policies.Where(p => !entry.ClusterPolicyArns.Contains(p.PolicyArn) || !p.AccessScope.SameAs(AccessScope.Cluster)))
        {
            findings.Info(FindingCodes.ExtraAccessPolicy, entry.PrincipalArn,
                $"{entry.PrincipalArn} has {AccessPolicyArns.NameOf(extra.PolicyArn)} ({extra.AccessScope.Key} scope), which aws-auth ({entry.Source}) does not call for. It is left alone; remove it deliberately if it is not wanted.",
                entry.Source);
        }
    }

    private void Associate(DesiredAccessEntry entry, string policyArn) =>
        Changes.Add(new AssociateAccessPolicyChange
        {
            Address = Addresses.AccessPolicy(entry.PrincipalArn, policyArn, AccessScope.Cluster),
            PrincipalArn = entry.PrincipalArn,
            PolicyArn = policyArn,
            AccessScope = AccessScope.Cluster,
            Reversible = true,
            Sources = [entry.Source],
        });
}
