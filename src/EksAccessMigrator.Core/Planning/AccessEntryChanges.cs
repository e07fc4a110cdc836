using System.Collections.Immutable;
using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Planning;

/// <summary>
/// Compares the access entries aws-auth calls for with those the cluster has (rules A2, A9-A11) and emits the
/// changes, the no-ops and the findings. An existing entry is never changed.
/// </summary>
internal sealed class AccessEntryChanges(ClusterInventory inventory, FindingList findings)
{
    /// <summary>EKS's quota of access entries per cluster.</summary>
    public const int Quota = 3000;

    public List<PlanChange> Changes { get; } = [];

    public List<PlanNoOp> NoOps { get; } = [];

    /// <summary>Rows whose principal has an existing entry that differs from them (rule A9): dead rows, migrated for finalize.</summary>
    public HashSet<string> Overridden { get; } = new(StringComparer.Ordinal);

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
            if (!wanted.Contains(key) && entry.Policies.Any(p => AccessPolicyArns.IsClusterAdmin(p.PolicyArn) && p.AccessScope.Type == AccessScopeType.Cluster))
            {
                findings.Add(AccessEntryFindings.CreatorAdminEntry(entry.PrincipalArn));
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
        findings.Add(AccessEntryFindings.QuotaExceeded(existing.Count, creates.Count, Quota, over.Count, over.Select(d => d.Source)));
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

    /// <summary>
    /// Rule A9: in API_AND_CONFIG_MAP an existing entry takes precedence over the aws-auth row of its principal, so
    /// the entry is today's identity and the row is dead. The entry is never changed to match the row: the same
    /// identity is a no-op, anything else is reported with both identities side by side.
    /// </summary>
    private void Reconcile(DesiredAccessEntry entry, ExistingAccessEntry current)
    {
        if (current.Type != entry.Type)
        {
            ReconcileType(entry, current);
            return;
        }

        if (!AccessEntryTypes.IsNode(entry.Type))
        {
            var sameGroups = current.KubernetesGroups.ToHashSet(StringComparer.Ordinal).SetEquals(entry.Groups);
            var sameUsername = entry.Username is null || entry.Username == current.Username;
            var missing = entry.ClusterPolicyArns.Where(p => !current.Policies.Any(c => c.PolicyArn == p && c.AccessScope.SameAs(AccessScope.Cluster))).ToList();
            if (!sameGroups || !sameUsername || missing.Count > 0)
            {
                Overridden.Add(entry.Source);
                findings.Add(AccessEntryFindings.EntryOverridesRow(entry, current, inventory.Cluster));
                return;
            }
        }

        NoOps.Add(new PlanNoOp(Addresses.AccessEntry(entry.PrincipalArn), $"access entry of type {entry.Type.Wire()} with the same username and groups exists", [entry.Source]));
        foreach (var policy in entry.ClusterPolicyArns)
        {
            NoOps.Add(new PlanNoOp(Addresses.AccessPolicy(entry.PrincipalArn, policy, AccessScope.Cluster), "policy already associated at cluster scope", [entry.Source]));
        }

        foreach (var extra in current.Policies.Where(p => !entry.ClusterPolicyArns.Contains(p.PolicyArn) || !p.AccessScope.SameAs(AccessScope.Cluster)))
        {
            findings.Add(AccessEntryFindings.PolicyNotCalledFor(entry, extra));
        }
    }

    private void ReconcileType(DesiredAccessEntry entry, ExistingAccessEntry current)
    {
        if (current.Type is AccessEntryType.Ec2Linux or AccessEntryType.Ec2Windows && entry.Type is AccessEntryType.Ec2Linux or AccessEntryType.Ec2Windows)
        {
            // Rule A2: EKS made an entry for one kind of node (a managed node group), aws-auth serves the other kind.
            findings.Add(AccessEntryFindings.NodeEntryOfOtherOs(entry.PrincipalArn, current.Type.Wire(), entry.Source, entry.Type == AccessEntryType.Ec2Windows));
            return;
        }

        Overridden.Add(entry.Source);
        findings.Add(AccessEntryFindings.EntryOfOtherType(entry, current, inventory.Cluster));
    }

    private static string Describe(string? username, IEnumerable<string> groups, IEnumerable<string> policies)
    {
        var groupList = groups.Order(StringComparer.Ordinal).ToList();
        var policyList = policies.Order(StringComparer.Ordinal).ToList();
        return $"username {username ?? "(generated)"}, groups [{string.Join(", ", groupList)}], policies [{string.Join(", ", policyList)}]";
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
