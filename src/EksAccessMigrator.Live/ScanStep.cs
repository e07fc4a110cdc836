namespace EksAccessMigrator.Live;

/// <summary>The steps of a live scan, as reported to <see cref="IScanProgress"/>.</summary>
public enum ScanStep
{
    /// <summary>EKS DescribeCluster: mode, ARN, endpoint, CA data, OIDC issuer.</summary>
    DescribeCluster,

    /// <summary>STS GetCallerIdentity: who runs the scan.</summary>
    CallerIdentity,

    /// <summary>Kubernetes: <c>kube-system/aws-auth</c>.</summary>
    AwsAuth,

    /// <summary>IAM ListRoles of the credentials' account (paged).</summary>
    IamRoles,

    /// <summary>IAM ListUsers of the credentials' account (paged).</summary>
    IamUsers,

    /// <summary>EKS access entries with their associated policies (not in CONFIG_MAP mode).</summary>
    AccessEntries,

    /// <summary>Kubernetes: Namespaces (paged).</summary>
    Namespaces,

    /// <summary>Kubernetes: ServiceAccounts in all namespaces (paged).</summary>
    ServiceAccounts,

    /// <summary>Kubernetes: Pods in all namespaces (paged).</summary>
    Pods,

    /// <summary>Kubernetes: Deployments in all namespaces (paged).</summary>
    Deployments,

    /// <summary>Kubernetes: StatefulSets in all namespaces (paged).</summary>
    StatefulSets,

    /// <summary>Kubernetes: DaemonSets in all namespaces, kube2iam and kiam agents included (paged).</summary>
    DaemonSets,

    /// <summary>Kubernetes: ReplicaSets in all namespaces (paged).</summary>
    ReplicaSets,

    /// <summary>Kubernetes: Jobs in all namespaces (paged).</summary>
    Jobs,

    /// <summary>Kubernetes: CronJobs in all namespaces (paged).</summary>
    CronJobs,

    /// <summary>Kubernetes: ClusterRoleBindings, rbac.authorization.k8s.io/v1 (paged; rule S1).</summary>
    ClusterRoleBindings,

    /// <summary>Kubernetes: RoleBindings in all namespaces, rbac.authorization.k8s.io/v1 (paged; rule S1).</summary>
    RoleBindings,

    /// <summary>Kubernetes: Karpenter EC2NodeClasses, karpenter.k8s.aws/v1, where the CRD is installed (paged; rules N1-N3).</summary>
    NodeClasses,

    /// <summary>EKS ListAddons: is <c>eks-pod-identity-agent</c> installed (rule K12).</summary>
    Addons,

    /// <summary>EKS Pod Identity associations, each described for its role and owner (rule K13).</summary>
    PodIdentityAssociations,

    /// <summary>EKS managed node groups, each described for its node role and AMI type (rule K9).</summary>
    Nodegroups,

    /// <summary>EKS Fargate profiles, each described for its selectors (rules K9, R4).</summary>
    FargateProfiles,

    /// <summary>IAM policies of the node roles found (rules N1-N3): attached, inline, customer-managed documents.</summary>
    NodeRolePolicies,
}
