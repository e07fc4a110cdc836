namespace EksAccessMigrator.Core.Plans;

/// <summary>
/// How objects made by apply say so: a label and annotations on Kubernetes objects (naming the plan, and for a
/// dedicated ServiceAccount the workload it was made for), and tags on access entries and Pod Identity associations.
/// The planner recognises its own dedicated ServiceAccounts by them and never picks a new name around its own work.
/// </summary>
public static class OwnershipMarkers
{
    /// <summary>The label key on Kubernetes objects apply creates.</summary>
    public const string ManagedByLabel = "app.kubernetes.io/managed-by";

    /// <summary>The value of <see cref="ManagedByLabel"/>, and of the <see cref="ManagedByTag"/> tag.</summary>
    public const string ManagedByValue = "eks-access-migrator";

    /// <summary>The annotation naming the plan (the SHA-256 of the plan file) that created the object.</summary>
    public const string PlanAnnotation = "eks-access-migrator.io/plan";

    /// <summary>On a dedicated ServiceAccount: the workload (<c>namespace/Kind/name</c>) it was made for.</summary>
    public const string ForWorkloadAnnotation = "eks-access-migrator.io/for-workload";

    /// <summary>The tag key on access entries and Pod Identity associations apply creates.</summary>
    public const string ManagedByTag = "managed-by";

    /// <summary>The tag naming the plan (the SHA-256 of the plan file) that created the resource.</summary>
    public const string PlanTag = "eks-access-migrator/plan";

    /// <summary>Whether labels and annotations say the object is this tool's dedicated ServiceAccount for <paramref name="workload"/>.</summary>
    public static bool IsDedicatedServiceAccountFor(
        IReadOnlyDictionary<string, string>? labels,
        IReadOnlyDictionary<string, string>? annotations,
        string workload) =>
        labels is not null && labels.TryGetValue(ManagedByLabel, out var managedBy) && string.Equals(managedBy, ManagedByValue, StringComparison.Ordinal)
        && annotations is not null && annotations.TryGetValue(ForWorkloadAnnotation, out var owner) && string.Equals(owner, workload, StringComparison.Ordinal);

    /// <summary>The tags apply puts on what it creates in EKS.</summary>
    public static IReadOnlyDictionary<string, string> Tags(string planHash) =>
        new Dictionary<string, string>(StringComparer.Ordinal) { [ManagedByTag] = ManagedByValue, [PlanTag] = planHash };
}
