using System.Collections.Immutable;
using EksAccessMigrator.Core.Arns;
using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Planning;

/// <summary>
/// Rule M2, the lockout guard: the switch to API mode is planned only when nothing would lose access.
/// </summary>
internal static class ApiModeGuard
{
    public static ImmutableArray<string> Reasons(
        ClusterInventory inventory,
        PlannerOptions options,
        ImmutableArray<DesiredAccessEntry> desired,
        IReadOnlyCollection<PlanChange> pendingAccessChanges,
        FindingList findings)
    {
        var reasons = new List<string>();
        var mode = inventory.Cluster.AuthenticationMode;
        if (mode == AuthenticationMode.ConfigMap)
        {
            reasons.Add("the cluster is still in CONFIG_MAP mode: apply the migrate plan (which enables access entries) first");
        }

        var blockers = findings.Items.Where(f => f.Severity == Severity.Blocker).Select(f => f.Subject).Distinct().ToList();
        if (blockers.Count > 0)
        {
            reasons.Add($"{blockers.Count} subject(s) have blockers and still depend on aws-auth: {Join(blockers)}");
        }

        if (inventory.ExistingAccessEntries is null)
        {
            reasons.Add("the cluster's access entries are unknown (offline plan): plan the finalize phase against the live cluster so every entry can be checked");
            return [.. reasons];
        }

        if (pendingAccessChanges.Count > 0)
        {
            reasons.Add($"{pendingAccessChanges.Count} access-entry change(s) are not applied yet: {Join(pendingAccessChanges.Select(c => c.Address))}");
        }

        var nodeRoles = desired.Where(d => AccessEntryTypes.IsNode(d.Type)).Select(d => d.PrincipalArn).ToList();
        var existing = inventory.ExistingAccessEntries.Value;
        var missingNodes = nodeRoles.Where(n => !existing.Any(e => PrincipalKey.Of(e.PrincipalArn) == PrincipalKey.Of(n) && AccessEntryTypes.IsNode(e.Type))).ToList();
        if (missingNodes.Count > 0)
        {
            reasons.Add($"node role(s) without their access entry: {Join(missingNodes)}");
        }

        var admins = new List<(string Label, string? Arn)> { ("the principal running the migration", inventory.CallerArn) };
        admins.AddRange(options.BreakGlassArns.Select(a => ("break-glass principal", (string?)a)));
        foreach (var (label, arn) in admins)
        {
            var principal = CallerArn.ToPrincipal(arn);
            if (principal is null)
            {
                reasons.Add(arn is null
                    ? $"{label} is unknown (pass --caller-arn, or plan live)"
                    : $"{label} '{arn}' is not an IAM role, user or assumed-role ARN");
                continue;
            }

            var key = PrincipalKey.Of(principal);
            var isAdmin = existing.Any(e => PrincipalKey.Of(e.PrincipalArn) == key && e.Type == AccessEntryType.Standard
                && e.Policies.Any(p => AccessPolicyArns.IsClusterAdmin(p.PolicyArn) && p.AccessScope.Type == AccessScopeType.Cluster));
            if (!isAdmin)
            {
                reasons.Add($"{label} {principal} has no access entry with AmazonEKSClusterAdminPolicy at cluster scope");
            }
        }

        return [.. reasons];
    }

    private static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 10 ? string.Join(", ", list) : $"{string.Join(", ", list.Take(10))} and {list.Count - 10} more";
    }
}
