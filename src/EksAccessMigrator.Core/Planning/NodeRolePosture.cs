using System.Collections.Immutable;
using System.Text.Json.Nodes;
using EksAccessMigrator.Core.Arns;
using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Planning;

/// <summary>
/// Rules N1-N3, every phase: what the node roles (and the kiam server role) give every pod on their nodes. N1 each
/// policy beyond what nodes need; N2 an <c>sts:AssumeRole</c> wider than the roles the agents hand out; N3 the CNI
/// policy, with the aws-node association that would replace it. The result is also the plan's posture: per role, its
/// permissions today and after finalize.
/// </summary>
internal static class NodeRolePosture
{
    private const string Cni = "AmazonEKS_CNI_Policy";
    private static readonly HashSet<string> Baseline = new(StringComparer.Ordinal)
    {
        "AmazonEKSWorkerNodePolicy", "AmazonEC2ContainerRegistryReadOnly", "AmazonEC2ContainerRegistryPullOnly", Cni, "AmazonSSMManagedInstanceCore",
    };

    /// <param name="migratedRoles">Roles the agents hand out that move to Pod Identity.</param>
    /// <param name="stillOnAgents">Workloads that keep getting a role from kube2iam/kiam.</param>
    /// <param name="changes">Finalize: where N2's removals (DeleteRolePolicy, PutRolePolicy) go.</param>
    public static ImmutableArray<PlanNodeRole>? Plan(ClusterInventory inventory, PlannerOptions options, IReadOnlyList<string> migratedRoles, IReadOnlyList<string> stillOnAgents, FindingList findings, List<PlanChange> changes)
    {
        if (inventory.NodeRoles is not { } iam)
        {
            return null;
        }

        var byKey = iam.Roles.Where(r => NodeRoles.Key(r.RoleArn) is not null).GroupBy(r => NodeRoles.Key(r.RoleArn)!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var managed = iam.ManagedPolicies.GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Document, StringComparer.Ordinal);
        var context = new Context(inventory, options, migratedRoles, stillOnAgents, findings, changes);
        var result = new List<PlanNodeRole>();
        foreach (var use in NodeRoles.Find(inventory, options.Workloads, []))
        {
            if (byKey.TryGetValue(NodeRoles.Key(use.RoleArn)!, out var role))
            {
                result.Add(context.Role(use, role, managed));
            }
        }

        return [.. result.OrderBy(r => r.RoleArn, StringComparer.Ordinal)];
    }

    private sealed class Context(ClusterInventory inventory, PlannerOptions options, IReadOnlyList<string> migratedRoles, IReadOnlyList<string> stillOnAgents, FindingList findings, List<PlanChange> changes)
    {
        private readonly HashSet<string> _migrated = new(migratedRoles, StringComparer.Ordinal);
        private readonly List<string> _knownRoles = [.. inventory.Iam.Principals.Where(p => p.Kind == IamPrincipalKind.Role).Select(p => p.ToString())];

        public PlanNodeRole Role(NodeRoleUse use, NodeRolePermissions role, Dictionary<string, string> managed)
        {
            var today = new List<string>();
            var after = new List<string>();
            var sources = new[] { role.Source };
            foreach (var arn in role.AttachedPolicyArns)
            {
                var name = arn[(arn.LastIndexOf('/') + 1)..];
                var aws = arn.Contains(":iam::aws:policy/", StringComparison.Ordinal);
                string line;
                if (aws && Baseline.Contains(name))
                {
                    line = name == Cni ? $"{name} (network interfaces: belongs on aws-node, N3)" : $"{name} (what nodes need)";
                    if (name == Cni)
                    {
                        findings.Add(Cni3(role, use));
                    }
                }
                else
                {
                    line = $"{arn} (extra, N1)";
                    findings.Add(Extra(role.RoleArn, $"The managed policy {arn}", use, $"aws iam detach-role-policy --role-name {RoleName(role.RoleArn)} --policy-arn {arn}", [.. sources, "policy:" + arn]));
                    if (!aws && managed.TryGetValue(arn, out var document) && Wide(document).Resources is { Count: > 0 } resources)
                    {
                        line = $"{arn}: sts:AssumeRole on {string.Join(", ", resources)} (N2)";
                        findings.Add(PostureFindings.AssumeAnyManaged(role.RoleArn, use.KiamServer, arn, resources, migratedRoles, [.. sources, "policy:" + arn]));
                        today.Add(line);
                        after.Add(line + AfterTrustRemoval);
                        continue;
                    }
                }

                today.Add(line);
                after.Add(line);
            }

            foreach (var inline in role.InlinePolicies)
            {
                findings.Add(Extra(role.RoleArn, $"The inline policy {inline.Name}", use, $"aws iam delete-role-policy --role-name {RoleName(role.RoleArn)} --policy-name {inline.Name}", [.. sources, "inline-policy:" + inline.Name]));
                var (policy, statements, resources) = Wide(inline.Document);
                if (policy is null || statements.Count == 0)
                {
                    today.Add($"inline {inline.Name} (extra, N1)");
                    after.Add($"inline {inline.Name} (extra, N1)");
                    continue;
                }

                var rest = policy.Without(statements);
                string[] policySources = [.. sources, "inline-policy:" + inline.Name];
                today.Add($"inline {inline.Name}: sts:AssumeRole on {string.Join(", ", resources)} (N2)");
                if (!Removes)
                {
                    findings.Add(PostureFindings.AssumeAnyInline(role.RoleArn, use.KiamServer, inline.Name, resources, migratedRoles, rest is null, policySources));
                    after.Add($"inline {inline.Name}: sts:AssumeRole on {string.Join(", ", resources)} (N2){AfterTrustRemoval}");
                    continue;
                }

                // Finalize, no workload left on the agents: the permission goes (rule N2), reversibly.
                findings.Add(PostureFindings.AssumeAnyRemoved(role.RoleArn, use.KiamServer, inline.Name, resources, migratedRoles, rest is null, policySources));
                var before = Element(inline.Document);
                changes.Add(rest is null
                    ? new DeleteRolePolicyChange { Address = Addresses.RolePolicy(role.RoleArn, inline.Name), RoleArn = role.RoleArn, PolicyName = inline.Name, DocumentBefore = before, Reversible = true, Sources = [.. policySources] }
                    : new PutRolePolicyChange
                    {
                        Address = Addresses.RolePolicy(role.RoleArn, inline.Name),
                        RoleArn = role.RoleArn,
                        PolicyName = inline.Name,
                        StatementsRemoved = [.. statements.Select(st => Element(st.ToJsonString()))],
                        DocumentBefore = before,
                        DocumentAfter = Element(rest),
                        Reversible = true,
                        Sources = [.. policySources],
                    });
                if (rest is not null)
                {
                    after.Add($"inline {inline.Name} without its sts:AssumeRole statement (N2, removed by this plan)");
                }
            }

            return new PlanNodeRole(role.RoleArn, use.UsedBy, [.. today], [.. after]);
        }

        /// <summary>
        /// Finalize removes the agents' trust statements from the migrated roles once no workload stays on an agent
        /// (rule K6), so a permission that stays (a managed policy, or no removal planned) no longer reaches them.
        /// </summary>
        private string AfterTrustRemoval => migratedRoles.Count > 0 && stillOnAgents.Count == 0
            ? "; the migrated roles no longer trust the node, every other role that does stays reachable"
            : "; workloads stay on kube2iam or kiam, so the roles they use keep trusting the node";

        /// <summary>
        /// Rule N2's removal: finalize, kube2iam or kiam known to be in use (its agent in the inputs, or roles it handed
        /// out moved to Pod Identity), and no workload left on it. Without that evidence the permission may serve
        /// something else on the nodes, and only the finding speaks.
        /// </summary>
        private bool Removes => options.Phase == PlanPhase.Finalize && stillOnAgents.Count == 0
            && (migratedRoles.Count > 0 || inventory.Workloads.Agents.Any(a => a.Agent is IdentityAgentKinds.Kube2iam or IdentityAgentKinds.KiamServer or IdentityAgentKinds.KiamAgent));

        private static System.Text.Json.JsonElement Element(string json)
        {
            using var document = System.Text.Json.JsonDocument.Parse(json);
            return document.RootElement.Clone();
        }

        private Finding Extra(string roleArn, string policy, NodeRoleUse use, string detach, IEnumerable<string> sources)
        {
            if (options.Phase == PlanPhase.Migrate)
            {
                return PostureFindings.ExtraNodeRolePolicy(roleArn, policy, use.UsedBy, sources);
            }

            var given = inventory.Workloads.Workloads.Where(w => w.ControllerKind is null).Select(w => w.Key).ToHashSet(StringComparer.Ordinal);
            var withRole = new HashSet<string>(stillOnAgents, StringComparer.Ordinal);
            var withoutRole = given.Where(k => !withRole.Contains(k) && !HasOwnRole(k)).Order(StringComparer.Ordinal).ToList();
            return PostureFindings.ExtraNodeRolePolicyAfterCutover(roleArn, policy, use.UsedBy, MigratedWorkloads, withoutRole, detach, sources);
        }

        private int MigratedWorkloads => inventory.Workloads.Workloads.Count(w => w.ControllerKind is null && HasOwnRole(w.Key));

        private HashSet<string>? _own;

        /// <summary>A workload whose pods get a role of their own: annotated and moving to Pod Identity (not still on an agent).</summary>
        private bool HasOwnRole(string key)
        {
            _own ??= Planning.Workloads.RolesGivenToday.Of(inventory, options.Workloads)
                .Where(g => g.Value.Role is not null && _migrated.Contains(g.Value.Role) && !stillOnAgents.Contains(g.Key, StringComparer.Ordinal))
                .Select(g => g.Key)
                .ToHashSet(StringComparer.Ordinal);
            return _own.Contains(key);
        }

        private Finding Cni3(NodeRolePermissions role, NodeRoleUse use)
        {
            var existing = inventory.Workloads.ExistingAssociations?.FirstOrDefault(a => a.Namespace == "kube-system" && a.ServiceAccount == "aws-node");
            var cluster = inventory.Cluster;
            var association = existing is not null
                ? $"The Pod Identity association for kube-system/aws-node (role {existing.RoleArn})"
                : $"CreatePodIdentityAssociation for namespace kube-system, service account aws-node, with a role such as arn:{cluster.Partition}:iam::{cluster.AccountId}:role/{cluster.Name}-aws-node that trusts pods.eks.amazonaws.com (sts:AssumeRole, sts:TagSession) and has arn:{cluster.Partition}:iam::aws:policy/{Cni} attached";
            return PostureFindings.CniPolicyOnNode(role.RoleArn, use.UsedBy, association, existing is not null, [role.Source, $"policy:arn:{cluster.Partition}:iam::aws:policy/{Cni}"]);
        }

        /// <summary>The statements that allow sts:AssumeRole wider than the migrated roles, and those resources.</summary>
        public (PermissionPolicy? Policy, List<JsonObject> Statements, List<string> Resources) Wide(string document)
        {
            var policy = PermissionPolicy.Parse(document);
            var statements = new List<JsonObject>();
            var resources = new List<string>();
            foreach (var statement in policy?.Statements ?? [])
            {
                var wide = PermissionPolicy.AssumeResources(statement).Where(IsWide).ToList();
                if (wide.Count > 0)
                {
                    statements.Add(statement);
                    resources.AddRange(wide);
                }
            }

            return (policy, statements, [.. resources.Distinct(StringComparer.Ordinal)]);
        }

        /// <summary>
        /// <c>*</c>, or a wildcard that matches a known role not migrated, or one whose account IAM data does not cover
        /// (nothing proves it is narrow).
        /// </summary>
        private bool IsWide(string resource)
        {
            if (resource == "*" || !IamWildcard.HasWildcard(resource))
            {
                return resource == "*";
            }

            var account = resource.Split(':') is { Length: >= 6 } parts ? parts[4] : "*";
            if (IamWildcard.HasWildcard(account) || !inventory.Iam.Covers(account))
            {
                return true;
            }

            return _knownRoles.Any(r => !_migrated.Contains(r) && IamWildcard.Matches(resource, r, ignoreCase: false));
        }

        private static string RoleName(string roleArn) => roleArn[(roleArn.LastIndexOf('/') + 1)..];
    }
}
