namespace EksAccessMigrator.FakeKubernetes;

/// <summary>The resource types served by the fake API server.</summary>
public static class ResourceKinds
{
    /// <summary>core/v1 Namespace.</summary>
    public static readonly ResourceKind Namespace = new(string.Empty, "v1", "namespaces", "Namespace", false, false, true);

    /// <summary>core/v1 ConfigMap.</summary>
    public static readonly ResourceKind ConfigMap = new(string.Empty, "v1", "configmaps", "ConfigMap", true, false, false);

    /// <summary>core/v1 ServiceAccount.</summary>
    public static readonly ResourceKind ServiceAccount = new(string.Empty, "v1", "serviceaccounts", "ServiceAccount", true, false, false);

    /// <summary>core/v1 Pod.</summary>
    public static readonly ResourceKind Pod = new(string.Empty, "v1", "pods", "Pod", true, false, true);

    /// <summary>apps/v1 Deployment.</summary>
    public static readonly ResourceKind Deployment = new("apps", "v1", "deployments", "Deployment", true, true, true);

    /// <summary>apps/v1 StatefulSet.</summary>
    public static readonly ResourceKind StatefulSet = new("apps", "v1", "statefulsets", "StatefulSet", true, true, true);

    /// <summary>apps/v1 DaemonSet.</summary>
    public static readonly ResourceKind DaemonSet = new("apps", "v1", "daemonsets", "DaemonSet", true, true, true);

    /// <summary>apps/v1 ReplicaSet.</summary>
    public static readonly ResourceKind ReplicaSet = new("apps", "v1", "replicasets", "ReplicaSet", true, true, true);

    /// <summary>batch/v1 Job.</summary>
    public static readonly ResourceKind Job = new("batch", "v1", "jobs", "Job", true, true, true);

    /// <summary>batch/v1 CronJob.</summary>
    public static readonly ResourceKind CronJob = new("batch", "v1", "cronjobs", "CronJob", true, true, true);

    /// <summary>coordination.k8s.io/v1 Lease (resourceVersion optimistic concurrency like every kind).</summary>
    public static readonly ResourceKind Lease = new("coordination.k8s.io", "v1", "leases", "Lease", true, false, false);

    /// <summary>rbac.authorization.k8s.io/v1 ClusterRoleBinding (cluster-scoped).</summary>
    public static readonly ResourceKind ClusterRoleBinding = new("rbac.authorization.k8s.io", "v1", "clusterrolebindings", "ClusterRoleBinding", false, false, false);

    /// <summary>rbac.authorization.k8s.io/v1 RoleBinding.</summary>
    public static readonly ResourceKind RoleBinding = new("rbac.authorization.k8s.io", "v1", "rolebindings", "RoleBinding", true, false, false);

    /// <summary>
    /// karpenter.k8s.aws/v1 EC2NodeClass, a cluster-scoped custom resource: served only when
    /// <see cref="FakeKubernetesOptions.KarpenterInstalled"/> (else its paths answer 404, as for an absent CRD).
    /// </summary>
    public static readonly ResourceKind Ec2NodeClass = new("karpenter.k8s.aws", "v1", "ec2nodeclasses", "EC2NodeClass", false, true, true);

    /// <summary>Gets every served kind.</summary>
    public static IReadOnlyList<ResourceKind> All { get; } =
        [Namespace, ConfigMap, ServiceAccount, Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, Lease, ClusterRoleBinding, RoleBinding, Ec2NodeClass];

    /// <summary>Finds a kind by apiVersion and kind; null when the fake does not serve it.</summary>
    public static ResourceKind? Find(string? apiVersion, string? kind) =>
        All.FirstOrDefault(k => k.ApiVersion == apiVersion && k.Kind == kind);

    /// <summary>Finds a kind by URL coordinates; null when the fake does not serve it.</summary>
    public static ResourceKind? FindByPath(string group, string version, string plural) =>
        All.FirstOrDefault(k => k.Group == group && k.Version == version && k.Plural == plural);
}
