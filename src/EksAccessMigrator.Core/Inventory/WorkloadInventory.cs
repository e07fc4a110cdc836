using System.Collections.Immutable;

namespace EksAccessMigrator.Core.Inventory;

/// <summary>
/// What the scanner read for workload identity (kube2iam, kiam, IRSA): small records, never object trees.
/// </summary>
public sealed record WorkloadInventory
{
    public static WorkloadInventory Empty { get; } = new();

    /// <summary>
    /// The role annotation the scan searched objects for (kube2iam <c>--iam-role-key</c>, given to the scanner); null
    /// when none was given: the scan used <c>iam.amazonaws.com/role</c> and the planner takes kube2iam's own flag.
    /// </summary>
    public string? IamRoleKey { get; init; }

    public ImmutableArray<NamespaceInfo> Namespaces { get; init; } = [];

    public ImmutableArray<ServiceAccountInfo> ServiceAccounts { get; init; } = [];

    /// <summary>Pod templates (and bare Pods), including those owned by another workload (rule K2 drops them).</summary>
    public ImmutableArray<WorkloadInfo> Workloads { get; init; } = [];

    /// <summary>kube2iam and kiam DaemonSets/Deployments found in the inputs (rule K1).</summary>
    public ImmutableArray<IdentityAgentInfo> Agents { get; init; } = [];

    /// <summary>Objects other than pod templates that carry the role annotation somewhere (rule K2).</summary>
    public ImmutableArray<AnnotatedObject> AnnotatedObjects { get; init; } = [];

    /// <summary>Trust policies of IAM roles, from <c>--iam-snapshot</c> files that carry them.</summary>
    public ImmutableArray<RoleTrustPolicy> TrustPolicies { get; init; } = [];

    /// <summary>Whether the Pod Identity agent runs (rule K12); null when unknown.</summary>
    public bool? PodIdentityAgentInstalled { get; init; }

    /// <summary>The cluster's Pod Identity associations (rule K13); null when unknown (offline).</summary>
    public ImmutableArray<ExistingPodIdentityAssociation>? ExistingAssociations { get; init; }

    /// <summary>RBAC bindings (rule S1); null when the inputs hold none, so nothing is known about RBAC.</summary>
    public ImmutableArray<RbacBinding>? RbacBindings { get; init; }

    /// <summary>Karpenter EC2NodeClasses with their node role (rules N1-N3), where the inputs show them.</summary>
    public ImmutableArray<NodeClassRole> NodeClassRoles { get; init; } = [];

    /// <summary>The cluster's Fargate profiles (rules K9, R4); null when unknown (offline).</summary>
    public ImmutableArray<FargateProfileInfo>? FargateProfiles { get; init; }
}
