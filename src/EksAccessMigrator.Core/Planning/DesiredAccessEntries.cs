using System.Collections.Immutable;
using EksAccessMigrator.Core.AwsAuth;
using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;

namespace EksAccessMigrator.Core.Planning;

/// <summary>From aws-auth's mappings to the access entries they call for (rules A1-A8).</summary>
internal static class DesiredAccessEntries
{
    public static ImmutableArray<DesiredAccessEntry> From(AwsAuthContents contents, ClusterInventory inventory, PlannerOptions options, FindingList findings)
    {
        var cluster = inventory.Cluster;
        foreach (var account in contents.Accounts)
        {
            findings.Blocker(FindingCodes.MapAccountsUnsupported, $"account:{account.AccountId}",
                $"mapAccounts lets every IAM principal of account {account.AccountId} in, with a username made from its ARN ({account.Source}). Access entries have no equivalent: each principal needs its own entry. The account stays in aws-auth; add mapRoles/mapUsers entries for the principals that really need access, then plan again.",
                account.Source);
        }

        var resolver = new PrincipalResolver(inventory.Iam, findings);
        var classifier = new IdentityClassifier(cluster.Partition, options, findings);
        var desired = new List<DesiredAccessEntry>();
        foreach (var mapping in contents.Mappings.OrderBy(m => m.Section, StringComparer.Ordinal).ThenBy(m => m.Index))
        {
            if (SharesNodeRoleAcrossOs(mapping, contents, findings))
            {
                continue;
            }

            var principals = resolver.Resolve(mapping);
            if (principals.IsEmpty)
            {
                continue;
            }

            var identity = classifier.Classify(mapping, mapping.Arn ?? principals[0].ToString());
            if (identity is null)
            {
                continue;
            }

            if (mapping.UserId is not null)
            {
                findings.Warning(FindingCodes.UserIdNotMigratable, mapping.Arn ?? principals[0].ToString(),
                    $"{mapping.Source} also names the principal by its unique ID ({mapping.UserId}). Access entries are bound to the ARN only: a principal deleted and re-created under the same name would match the entry but not the old mapping. Check that this is acceptable.",
                    mapping.Source);
            }

            foreach (var principal in principals)
            {
                if (AccessEntryTypes.IsNode(identity.Type) && principal.AccountId != cluster.AccountId)
                {
                    findings.Blocker(FindingCodes.NodeRoleCrossAccount, principal.ToString(),
                        $"{mapping.Source} maps node role {principal}, which is in account {principal.AccountId}; node access entries must name a role in the cluster's account ({cluster.AccountId}). It stays in aws-auth; use a node role of the cluster's account.",
                        mapping.Source);
                    continue;
                }

                desired.Add(new DesiredAccessEntry(principal, identity.Type, identity.Username, identity.Groups, identity.ClusterPolicyArns, mapping.Source, mapping.Sso is not null));
            }
        }

        return ResolveCollisions(desired, findings);
    }

    /// <summary>
    /// Rule A2: one principal has one entry, so a role mapped as a Linux node by one row and as a Windows node by
    /// another (the authenticator keeps only the winner, so one kind of node already lacks its identity) cannot
    /// be expressed; it stays in aws-auth until the role is split.
    /// </summary>
    private static bool SharesNodeRoleAcrossOs(AwsAuthMapping winner, AwsAuthContents contents, FindingList findings)
    {
        var rows = contents.Shadowed.Where(s => ReferenceEquals(s.Winner, winner)).Select(s => s.Shadowed).Append(winner).ToList();
        var types = rows.Select(IdentityClassifier.NodeType).Where(t => t is AccessEntryType.Ec2Linux or AccessEntryType.Ec2Windows).Distinct().ToList();
        if (types.Count < 2)
        {
            return false;
        }

        findings.Blocker(FindingCodes.NodeRoleSharedOs, winner.Arn ?? winner.Source,
            $"{winner.Arn} is mapped as a Linux node and as a Windows node ({string.Join(", ", rows.OrderBy(r => r.Index).Select(r => r.Source))}). An access entry has one type, EC2_LINUX or EC2_WINDOWS, so one kind of node would lose its identity. It stays in aws-auth; give Linux and Windows nodes separate roles, then plan again.",
            [.. rows.Select(r => r.Source)]);
        return true;
    }

    /// <summary>
    /// Two mappings can land on one principal after resolution (an sso matcher and an explicit rolearn, or two sso
    /// matchers whose patterns overlap). The explicit mapping wins over the matcher, then the later one.
    /// </summary>
    private static ImmutableArray<DesiredAccessEntry> ResolveCollisions(List<DesiredAccessEntry> desired, FindingList findings)
    {
        var result = ImmutableArray.CreateBuilder<DesiredAccessEntry>();
        foreach (var group in desired.GroupBy(d => d.Key, StringComparer.Ordinal))
        {
            var ordered = group.ToList();
            var winner = ordered.OrderBy(d => d.FromSso ? 0 : 1).ThenBy(d => ordered.IndexOf(d)).Last();
            if (ordered.Count > 1)
            {
                var losers = ordered.Where(d => !ReferenceEquals(d, winner)).Select(d => d.Source).ToList();
                findings.Warning(FindingCodes.AwsAuthDuplicate, winner.PrincipalArn,
                    $"{winner.PrincipalArn} is mapped by {ordered.Count} entries; {winner.Source} is migrated and {string.Join(", ", losers)} {(losers.Count == 1 ? "is" : "are")} shadowed by it. Remove the redundant entries from aws-auth.",
                    [.. ordered.Select(d => d.Source).Distinct()]);
            }

            result.Add(winner);
        }

        return result.ToImmutable();
    }
}
