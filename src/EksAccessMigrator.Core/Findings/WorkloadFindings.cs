using EksAccessMigrator.Core.Arns;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Planning.Workloads;
using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Findings;

/// <summary>
/// Catalogue, rules K1-K16 (kube2iam and kiam to Pod Identity). Decided in
/// <c>Planning/Workloads/WorkloadIdentityPlanner</c> (K2 custom resources, K12, K13),
/// <c>Planning/Workloads/WorkloadAssessor</c> with <c>RoleResolver</c> (K3, K4, K7-K11),
/// <c>Planning/Workloads/ServiceAccountPlanner</c> (K5) and <c>Planning/Workloads/TrustPolicyPlanner</c> (K6);
/// K15 (agent preflight) in <c>WorkloadIdentityPlanner.Agent</c>.
/// K1's configuration finding is W1 (<see cref="ProjectFindings"/>).
/// </summary>
public static class WorkloadFindings
{
    /// <summary>Rule K9, in the words of every unsupported-compute finding (R4 too).</summary>
    internal const string SupportedCompute = "EKS Pod Identity works on Linux EC2 nodes and EKS Hybrid Nodes, not on Windows nodes, Fargate or Outposts.";

    public static readonly FindingDescriptor InCustomResource = new(FindingCodes.AnnotationInCustomResource, Severity.Warning, "K2");
    public static readonly FindingDescriptor RoleUnresolved = new(FindingCodes.RoleUnresolved, Severity.Blocker, "K3");
    public static readonly FindingDescriptor AgentPortConflict = new(FindingCodes.AgentPortConflict, Severity.Blocker, "K15");
    public static readonly FindingDescriptor RoleBaseUnknown = new(FindingCodes.RoleBaseUnknown, Severity.Blocker, "K3");
    public static readonly FindingDescriptor RoleArnInvalid = new(FindingCodes.PrincipalArnInvalid, Severity.Blocker, "K3");
    public static readonly FindingDescriptor RolePathMismatch = new(FindingCodes.RolePathMismatch, Severity.Blocker, "K3");
    public static readonly FindingDescriptor RoleNotFound = new(FindingCodes.PrincipalNotFound, Severity.Blocker, "K3");
    public static readonly FindingDescriptor RoleNotPermitted = new(FindingCodes.RoleNotPermitted, Severity.Warning, "K4");
    public static readonly FindingDescriptor DedicatedServiceAccount = new(FindingCodes.DedicatedServiceAccount, Severity.Info, "K5");
    public static readonly FindingDescriptor BarePod = new(FindingCodes.BarePod, Severity.Warning, "K5");
    public static readonly FindingDescriptor TrustPolicyTooLarge = new(FindingCodes.TrustPolicyTooLarge, Severity.Warning, "K6");
    public static readonly FindingDescriptor CrossAccountRole = new(FindingCodes.CrossAccountRole, Severity.Blocker, "K7");
    public static readonly FindingDescriptor ExternalIdUnsupported = new(FindingCodes.ExternalIdUnsupported, Severity.Blocker, "K8");
    public static readonly FindingDescriptor UnsupportedCompute = new(FindingCodes.PodIdentityUnsupportedCompute, Severity.Blocker, "K9");
    public static readonly FindingDescriptor HostNetwork = new(FindingCodes.HostNetwork, Severity.Info, "K10");
    public static readonly FindingDescriptor DefaultRoleNotMigrated = new(FindingCodes.DefaultRoleNotMigrated, Severity.Warning, "K11");
    public static readonly FindingDescriptor VerifyAgent = new(FindingCodes.VerifyPodIdentityAgent, Severity.Info, "K12");
    public static readonly FindingDescriptor AssociationConflict = new(FindingCodes.AssociationConflict, Severity.Blocker, "K13");

    /// <summary>K2: the role annotation on an object that is not a pod template.</summary>
    public static Finding AnnotationOutsidePodTemplate(string key, AnnotatedObject annotated, string roleKey, string source) =>
        InCustomResource.Create(key,
            $"{annotated.Kind} {annotated.Name} ({annotated.ApiVersion}) carries {roleKey}: '{annotated.Value}' at {annotated.Path}, not in a pod template; the pods it creates presumably get the role from it. The tool cannot see those pods' ServiceAccount, so nothing is planned: give them a dedicated ServiceAccount and an association by hand, or export the pods' owners, then plan again.",
            source);

    /// <summary>K3: the annotation gives no role ARN (empty, a template, a name without base ARN, not a role ARN).</summary>
    internal static Finding RoleNotResolved(string workload, string agent, bool isKiam, RoleProblem problem)
    {
        var descriptor = problem.Kind switch
        {
            RoleProblemKind.Empty or RoleProblemKind.Unrendered => RoleUnresolved,
            RoleProblemKind.BaseUnknown => RoleBaseUnknown,
            RoleProblemKind.NotARoleArn => RoleArnInvalid,
            _ => throw new ArgumentOutOfRangeException(nameof(problem), problem.Kind, "Not a resolution problem."),
        };
        var fix = problem.Kind == RoleProblemKind.BaseUnknown
            ? (isKiam ? "Give --kiam-role-base-arn, or add the kiam server to --from." : "Give --kube2iam-base-role-arn, or add the kube2iam DaemonSet to --from.")
            : "Render the manifest (helm template, kustomize build) or export it from the cluster, then plan again.";
        return descriptor.Create(workload, $"{workload}: {RoleProblemWording.Describe(problem)}. It keeps its {agent} annotation. {fix}", workload);
    }

    /// <summary>K3: the IAM data contradicts the ARN the agent asked STS for.</summary>
    internal static Finding RoleNotVerified(string workload, IamPrincipalArn asked, string agent, RoleProblem problem) =>
        Verification(problem).Create(workload,
            $"{workload} asks for {asked}, but {RoleProblemWording.Describe(problem)}. It keeps its {agent} annotation; fix the annotation or the IAM data and plan again.",
            workload);

    /// <summary>K4: a namespace restriction refused the role, so the workload never had it.</summary>
    public static Finding NotPermitted(string workload, IamPrincipalArn asked, string denied, string agent) =>
        RoleNotPermitted.Create(workload,
            $"{workload} asks for {asked}, but {denied}; {agent} refused it, so the workload never had this role and no association is planned. Remove the annotation, or permit the role deliberately and plan again.",
            workload);

    /// <summary>K5: the ServiceAccount is shared or <c>default</c>, so the workload gets one of its own.</summary>
    public static Finding OwnServiceAccount(string workload, IamPrincipalArn? role, string why, string ns, string name, string current) =>
        DedicatedServiceAccount.Create(workload,
            $"{workload} had {role}, but {why}. Associating the role with that ServiceAccount would give it to them, so the plan creates the ServiceAccount {ns}/{name} for this workload alone, switches its pod template to it and associates the role with it. The new ServiceAccount has none of the RBAC bindings of {ns}/{current}: if the workload calls the Kubernetes API, bind the same Roles to it before applying.",
            workload);

    /// <summary>K5: a bare Pod would need a dedicated ServiceAccount, but cannot be patched.</summary>
    public static Finding BarePodCannotBeMoved(string workload, IamPrincipalArn? role, string why) =>
        BarePod.Create(workload,
            $"{workload} had {role}, but {why}, so the role cannot be associated with it without giving it to others; and a bare Pod cannot be patched to use a dedicated ServiceAccount. It keeps its annotation. Run it from a Deployment or Job with its own ServiceAccount, then plan again.",
            workload);

    /// <summary>K6: the trust policy after the change is over IAM's default size limit.</summary>
    public static Finding TrustTooLarge(IamPrincipalArn role, int length, int limit, IEnumerable<string> sources) =>
        TrustPolicyTooLarge.Create(role.ToString(),
            $"After the change the trust policy of {role} is {length} characters; IAM's default limit is {limit} (it can be raised to 4,096 per account through Service Quotas). Raise the quota before applying, or share fewer ServiceAccounts per role.",
            sources);

    /// <summary>K7: a role outside the cluster's account.</summary>
    public static Finding RoleInOtherAccount(string workload, IamPrincipalArn role, string clusterAccount, string agent) =>
        CrossAccountRole.Create(workload,
            $"{workload} uses {role} of account {role.AccountId}; a Pod Identity association's role must be in the cluster's account {clusterAccount}. It keeps its {agent} annotation. Create a role in {clusterAccount} that may assume {role}, and associate it with targetRoleArn {role}.",
            workload);

    /// <summary>K8: an external ID, which Pod Identity cannot pass.</summary>
    public static Finding ExternalId(string workload, IamPrincipalArn role, string annotationKey, string agent) =>
        ExternalIdUnsupported.Create(workload,
            $"{workload} assumes {role} with the external ID in its {annotationKey} annotation; Pod Identity cannot pass one. It keeps its {agent} annotation. Drop the sts:ExternalId condition from the role's trust (if that is acceptable) and plan again.",
            workload);

    /// <summary>K9: a workload that selects Windows nodes.</summary>
    public static Finding OnWindows(string workload, string agent) =>
        UnsupportedCompute.Create(workload,
            $"{workload} selects Windows nodes; {SupportedCompute} It keeps its {agent} annotation.",
            workload);

    /// <summary>K9: a workload that matches a Fargate profile.</summary>
    public static Finding OnFargate(string workload, string profile, string agent) =>
        UnsupportedCompute.Create(workload,
            $"{workload} matches the Fargate profile {profile}, so its pods run on Fargate; {SupportedCompute} It keeps its {agent} annotation.",
            workload);

    /// <summary>K10: hostNetwork pods never got the agent's role.</summary>
    public static Finding OnHostNetwork(string workload, string agent, string value) =>
        HostNetwork.Create(workload,
            $"{workload} runs with hostNetwork, so {agent} never gave it the role '{value}' (its metadata requests bypass the agent). Nothing is planned: it keeps the node role it has today.",
            workload);

    /// <summary>K11: kube2iam's default role, and the unannotated workloads that receive it.</summary>
    public static Finding DefaultRole(string? defaultRole, IReadOnlyList<string> workloads)
    {
        var role = defaultRole ?? "each node's own role (--auto-discover-default-role)";
        return DefaultRoleNotMigrated.Create("kube2iam/default-role",
            $"kube2iam gives {role} to every pod without a role annotation; Pod Identity has no default role, so after kube2iam is removed these {workloads.Count} workload(s) get no role from it: {string.Join(", ", workloads.Take(20))}{(workloads.Count > 20 ? $", and {workloads.Count - 20} more (see sources)" : string.Empty)}. Annotate those that need the role, and plan again.",
            workloads);
    }

    /// <summary>K12: offline, whether the agent is installed is unknown.</summary>
    public static Finding AgentUnknown() =>
        VerifyAgent.Create("cluster/addons",
            "Pod Identity needs the eks-pod-identity-agent add-on on the nodes (EKS Auto Mode has it built in). Whether it is installed is unknown offline: check with 'aws eks describe-addon --addon-name eks-pod-identity-agent' before applying, or add its DaemonSet to --from.");

    /// <summary>K13: an existing association owned by an add-on, or with another role.</summary>
    public static Finding ExistingAssociation(string key, ExistingPodIdentityAssociation existing, IamPrincipalArn role, IEnumerable<string> sources) =>
        AssociationConflict.Create(key,
            existing.OwnerArn is not null
                ? $"{key} already has a Pod Identity association owned by {existing.OwnerArn}; associations owned by an add-on are never touched. The workloads keep their current credentials; change the add-on's configuration and plan again."
                : $"{key} is already associated with {existing.RoleArn}, but it had {role}. The existing association is left alone and the workloads keep their current credentials; resolve the conflict by hand and plan again.",
            sources);

    private static FindingDescriptor Verification(RoleProblem problem) => problem.Kind switch
    {
        RoleProblemKind.PathMismatch => RolePathMismatch,
        RoleProblemKind.NotFound => RoleNotFound,
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem.Kind, "Not a verification problem."),
    };

    /// <summary>Rule K15: workloads holding the agent's ports on their nodes; the add-on is not planned.</summary>
    public static Finding PortsTakenFromTheAgent(IReadOnlyList<(string Key, string Describe)> conflicts, bool agentKnownMissing) =>
        AgentPortConflict.Create(
            "cluster/addons",
            $"The Pod Identity agent listens on every node's host network on ports 80 and 2703 (169.254.170.23), and {conflicts.Count} workload(s) hold one of them on their nodes ({string.Join(", ", conflicts.Take(10).Select(c => c.Describe))}{(conflicts.Count > 10 ? ", ..." : string.Empty)}). Installed next to them, the agent or they fail to start (eks-pod-identity-agent issue 10), so the add-on is not {(agentKnownMissing ? "planned" : "to be installed")} here. Move those workloads off ports 80 and 2703 (or off hostNetwork), then plan again.",
            conflicts.Select(c => c.Key));
}
