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
            findings.Add(AccessEntryFindings.MapAccountsAccount(account.AccountId, account.Source));
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
                findings.Add(ProjectFindings.UserIdIgnored(mapping.Arn ?? principals[0].ToString(), mapping.Source, mapping.UserId));
            }

            foreach (var principal in principals)
            {
                if (AccessEntryTypes.IsNode(identity.Type) && principal.AccountId != cluster.AccountId)
                {
                    findings.Add(AccessEntryFindings.NodeRoleInOtherAccount(principal, mapping.Source, cluster.AccountId));
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

        findings.Add(AccessEntryFindings.LinuxAndWindowsRows(winner.Arn ?? winner.Source, winner.Arn, [.. rows.OrderBy(r => r.Index).Select(r => r.Source)]));
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
                findings.Add(AccessEntryFindings.MappedMoreThanOnce(winner.PrincipalArn, winner.Source, losers, [.. ordered.Select(d => d.Source)]));
            }

            result.Add(winner);
        }

        return result.ToImmutable();
    }
}
