using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using EksAccessMigrator.Core.Arns;
using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Planning.Workloads;

/// <summary>Rule K6 (statements added in migrate), R3 (wildcard IRSA trust) and the finalize clean-up of R2 and the Phases section.</summary>
internal sealed class TrustPolicyPlanner(ClusterInventory inventory, FindingList findings)
{
    public static string Address(IamPrincipalArn role) => $"trust-policy/{role}";

    public void PlanAdditions(IEnumerable<AssociationRequest> requests, List<PlanChange> changes, List<PlanNoOp> noOps)
    {
        var clusterArn = inventory.Cluster.Arn;
        foreach (var group in requests.GroupBy(r => r.Role.ToString(), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var role = group.First().Role;
            var sources = Sources(group);
            var wanted = group.Select(r => (r.Namespace, r.ServiceAccount)).Distinct().OrderBy(k => k.Namespace, StringComparer.Ordinal).ThenBy(k => k.ServiceAccount, StringComparer.Ordinal)
                .Select(k => TrustPolicyDocument.PodIdentityStatement(clusterArn, k.Namespace, k.ServiceAccount)).ToList();
            var (before, problem) = Find(role);
            if (before is null)
            {
                findings.Add(ProjectFindings.TrustUnknownForAdditions(role, problem, wanted.Count, sources));
                changes.Add(Change(role, wanted, [], null, null, sources));
                continue;
            }

            WildcardIrsa(role, before, group.Where(r => r.Irsa).ToList(), sources);
            var missing = wanted.Where(s => !before.AlreadyTrusts(s)).ToList();
            if (missing.Count == 0)
            {
                noOps.Add(new PlanNoOp(Address(role), "the trust policy already lets Pod Identity assume the role for these ServiceAccounts", sources));
                continue;
            }

            var after = before.Clone();
            missing.ForEach(after.Add);
            if (after.Length > TrustPolicyDocument.SizeLimit)
            {
                findings.Add(WorkloadFindings.TrustTooLarge(role, after.Length, TrustPolicyDocument.SizeLimit, sources));
            }

            changes.Add(Change(role, missing, [], before.ToElement(), after.ToElement(), sources));
        }
    }

    /// <summary>
    /// Finalize: remove the statements that let the agents (node roles, the kiam server) or this cluster's OIDC provider
    /// assume a migrated role, once no workload left on the old mechanism needs them. A blocked workload keeps its
    /// trust: agent statements stay while any workload may still use the role through the agent, and an OIDC statement
    /// is narrowed to the ServiceAccounts that stay on IRSA (rule R2), never removed under them.
    /// </summary>
    public void PlanRemovals(List<AssociationRequest> migrated, List<AssessedWorkload> assessed, IdentityConfiguration config, string? oidcIssuer, List<PlanChange> changes, List<PlanNoOp> noOps)
    {
        var migratedKeys = migrated.SelectMany(r => r.Workloads).Select(w => w.Workload.Key).ToHashSet(StringComparer.Ordinal);
        var agentPrincipals = AgentPrincipals(config);
        var provider = oidcIssuer is null ? null : OidcProvider.Of(oidcIssuer, inventory.Cluster);
        var migratedIrsa = migrated.Where(r => r.Irsa).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var group in migrated.GroupBy(r => r.Role.ToString(), StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var role = group.First().Role;
            var sources = Sources(group);
            var irsa = group.Any(r => r.Irsa);
            var agent = group.Any(r => !r.Irsa);
            var agentName = config.IsKiam ? "kiam" : "kube2iam";
            var remaining = agent ? assessed.Where(a => !migratedKeys.Contains(a.Workload.Key) && MayUseThroughAgent(a, role)).Select(a => a.Workload.Key).ToList() : [];

            var staying = irsa ? StayingOnIrsa(role, migratedIrsa) : [];
            if (irsa && provider is null)
            {
                findings.Add(IrsaFindings.IssuerUnknown(role, sources));
            }

            if (agent && remaining.Count == 0 && agentPrincipals.Count == 0)
            {
                findings.Add(ProjectFindings.AgentRolesUnknown(role, config.IsKiam, sources));
            }

            var (before, problem) = Find(role);
            if (before is null)
            {
                ReportStillNeeded(IrsaFindings.TrustKept(role, agentName, remaining, [], [.. sources, .. remaining]));
                findings.Add(ProjectFindings.TrustUnknownForRemovals(role, problem, sources));
                continue;
            }

            before = AsMigrateLeavesIt(role, before, group, sources);
            var removed = new List<JsonObject>();
            var narrowed = new List<(JsonObject Old, JsonObject New)>();
            var migratedSubjects = group.Where(r => r.Irsa).Select(r => OidcProvider.Subject(r.Namespace, r.ServiceAccount)).ToHashSet(StringComparer.Ordinal);
            List<string> stayingSubjects = [.. staying.Select(s => OidcProvider.Subject(s.Namespace, s.Name))];
            foreach (var statement in before.Statements)
            {
                if (agent && remaining.Count == 0 && OnlyAgents(statement, agentPrincipals))
                {
                    removed.Add(statement);
                }
                else if (irsa && provider is not null && provider.IsThisClusters(statement))
                {
                    switch (OidcProvider.Narrow(statement, migratedSubjects, stayingSubjects))
                    {
                        case null:
                            removed.Add(statement);
                            break;
                        case { } kept when !JsonNode.DeepEquals(kept, statement):
                            narrowed.Add((statement, kept));
                            break;
                    }
                }
            }

            List<string> stayingKeys = [.. staying.Select(s => $"{s.Namespace}/ServiceAccount/{s.Name}")];
            var oidcStillNeeded = irsa && provider is not null && staying.Count > 0 && before.Statements.Any(provider.IsThisClusters);
            ReportStillNeeded(IrsaFindings.TrustKept(role, agentName, remaining, oidcStillNeeded ? stayingKeys : [], [.. sources, .. remaining, .. stayingKeys]));
            if (removed.Count == 0 && narrowed.Count == 0)
            {
                noOps.Add(new PlanNoOp(Address(role), "no statement for the old agents or this cluster's OIDC provider is left to remove from the trust policy", sources));
                continue;
            }

            var after = before.Clone();
            removed.ForEach(after.Remove);
            narrowed.ForEach(n => after.Replace(n.Old, n.New));
            changes.Add(Change(role, [.. narrowed.Select(n => n.New)], [.. removed, .. narrowed.Select(n => n.Old)], before.ToElement(), after.ToElement(), sources));
        }
    }

    /// <summary>
    /// The trust document as the migrate phase leaves it. An IAM snapshot taken before migrate was applied lacks the
    /// Pod Identity statements migrate adds; diffing against it would show a document without them (often an empty
    /// one), which is not what the role will look like. Those statements are put back, and a warning says why.
    /// </summary>
    private TrustPolicyDocument AsMigrateLeavesIt(IamPrincipalArn role, TrustPolicyDocument snapshot, IEnumerable<AssociationRequest> group, ImmutableArray<string> sources)
    {
        var missing = group.Select(r => (r.Namespace, r.ServiceAccount)).Distinct()
            .OrderBy(k => k.Namespace, StringComparer.Ordinal).ThenBy(k => k.ServiceAccount, StringComparer.Ordinal)
            .Select(k => TrustPolicyDocument.PodIdentityStatement(inventory.Cluster.Arn, k.Namespace, k.ServiceAccount))
            .Where(s => !snapshot.AlreadyTrusts(s))
            .ToList();
        if (missing.Count == 0)
        {
            return snapshot;
        }

        findings.Add(ProjectFindings.SnapshotBeforeMigrate(role, missing.Count, sources));
        var asMigrated = snapshot.Clone();
        missing.ForEach(asMigrated.Add);
        return asMigrated;
    }

    /// <summary>Whether a workload not migrated may still get this role from the agent: it had it, or its role cannot be known.</summary>
    private static bool MayUseThroughAgent(AssessedWorkload a, IamPrincipalArn role)
    {
        if (a.HadKey == AssessedWorkload.RoleKey(role))
        {
            return true;
        }

        if (!a.HadKey.StartsWith(AssessedWorkload.Unknown, StringComparison.Ordinal))
        {
            return false;
        }

        if (a.Role is { } known)
        {
            return RoleResolver.Same(known, role);
        }

        var value = a.AnnotationValue?.Trim() ?? string.Empty;
        return RoleResolver.IsUnrendered(value) || string.Equals(value[(value.LastIndexOf('/') + 1)..], role.Name, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>ServiceAccounts of the inputs that keep an IRSA annotation for this role (or one that cannot be read) after the migration.</summary>
    private List<ServiceAccountInfo> StayingOnIrsa(IamPrincipalArn role, HashSet<string> migratedIrsa) =>
        [.. inventory.Workloads.ServiceAccounts
            .Where(sa => sa.Annotations.TryGetValue(IrsaServiceAccounts.RoleArnKey, out var value) && !migratedIrsa.Contains($"{sa.Namespace}/{sa.Name}")
                && (!IamPrincipalArn.TryParse(value.Trim(), out var arn, out _) || RoleResolver.Same(arn, role)))
            .DistinctBy(sa => (sa.Namespace, sa.Name))
            .OrderBy(sa => sa.Namespace, StringComparer.Ordinal).ThenBy(sa => sa.Name, StringComparer.Ordinal)];

    private void ReportStillNeeded(Finding? finding)
    {
        if (finding is not null)
        {
            findings.Add(finding);
        }
    }

    private List<IamPrincipalArn> AgentPrincipals(IdentityConfiguration config)
    {
        var result = new List<IamPrincipalArn>();
        if (config.KiamAssumeRoleArn is { } assume && IamPrincipalArn.TryParse(assume, out var kiam, out _))
        {
            result.Add(kiam);
        }

        if (!config.IsKiam && inventory.AwsAuth is not null)
        {
            var contents = AwsAuth.AwsAuthParser.Parse(inventory.AwsAuth);
            foreach (var m in contents.Mappings.Where(m => m.Groups.Contains("system:nodes") && m.Arn is not null))
            {
                if (IamPrincipalArn.TryParse(m.Arn, out var node, out _))
                {
                    result.Add(node);
                }
            }
        }

        return result;
    }

    private static bool OnlyAgents(JsonObject statement, List<IamPrincipalArn> agents)
    {
        if (statement["Principal"] is not JsonObject principal || principal.Count != 1 || principal["AWS"] is null)
        {
            return false;
        }

        var named = TrustPolicyDocument.Strings(principal["AWS"]);
        return named.Count > 0 && named.All(n => IamPrincipalArn.TryParse(n, out var p, out _) && agents.Any(a => RoleResolver.Same(a, p)));
    }

    private void WildcardIrsa(IamPrincipalArn role, TrustPolicyDocument doc, List<AssociationRequest> irsa, ImmutableArray<string> sources)
    {
        if (irsa.Count == 0)
        {
            return;
        }

        var wildcards = doc.Statements
            .Select(s => s["Condition"]?["StringLike"] as JsonObject)
            .OfType<JsonObject>()
            .SelectMany(like => like.Where(kv => kv.Key.EndsWith(":sub", StringComparison.Ordinal)))
            .SelectMany(kv => TrustPolicyDocument.Strings(kv.Value))
            .Where(v => v.Contains('*', StringComparison.Ordinal) || v.Contains('?', StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (wildcards.Count == 0)
        {
            return;
        }

        findings.Add(IrsaFindings.Wildcards(role, wildcards, irsa.Select(r => r.Key), sources));
    }

    private (TrustPolicyDocument? Document, string Problem) Find(IamPrincipalArn role)
    {
        if (TrustPolicyIndex.Of(inventory.Workloads.TrustPolicies).For(role) is [var (_, policy), ..])
        {
            var doc = TrustPolicyDocument.Parse(policy.Document);
            return doc is null ? (null, $"{policy.Source} holds a document that is not a JSON policy with a Statement") : (doc, string.Empty);
        }

        return (null, "no --iam-snapshot file carries its AssumeRolePolicyDocument");
    }

    private static ImmutableArray<string> Sources(IEnumerable<AssociationRequest> requests) =>
        [.. requests.SelectMany(r => r.Sources).Distinct().Order(StringComparer.Ordinal)];

    private static UpdateAssumeRolePolicyChange Change(IamPrincipalArn role, List<JsonObject> added, List<JsonObject> removed, JsonElement? before, JsonElement? after, ImmutableArray<string> sources) =>
        new()
        {
            Address = Address(role),
            RoleArn = role.ToString(),
            StatementsAdded = [.. added.Select(s => JsonSerializer.SerializeToElement(s))],
            StatementsRemoved = [.. removed.Select(s => JsonSerializer.SerializeToElement(s))],
            DocumentBefore = before,
            DocumentAfter = after,
            Reversible = true,
            Sources = sources,
        };
}
