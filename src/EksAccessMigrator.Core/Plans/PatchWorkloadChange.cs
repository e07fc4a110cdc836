using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace EksAccessMigrator.Core.Plans;

/// <summary>
/// Kubernetes: patch a workload's pod template. In the migrate phase it switches <c>serviceAccountName</c> to a
/// dedicated ServiceAccount (rule K5); in the cutover phase it removes the kube2iam/kiam annotations. The previous
/// values are kept for rollback.
/// </summary>
public sealed record PatchWorkloadChange : PlanChange
{
    public const string ActionName = "PatchWorkload";

    [JsonIgnore]
    public override string Action => ActionName;

    [JsonIgnore]
    public override int Stage => RemoveAnnotations.IsEmpty ? ChangeStages.WorkloadPatches : ChangeStages.AnnotationRemovals;

    public required WorkloadKind Kind { get; init; }

    public required string Namespace { get; init; }

    public required string Name { get; init; }

    /// <summary>The new <c>serviceAccountName</c>; absent when this patch does not change it.</summary>
    public string? ServiceAccountName { get; init; }

    /// <summary>The <c>serviceAccountName</c> before the patch, for rollback.</summary>
    public string? PreviousServiceAccountName { get; init; }

    /// <summary>
    /// True when the patch rolls the workload's running pods (a changed pod template of a Deployment, StatefulSet,
    /// DaemonSet or ReplicaSet, rule K14); a CronJob's template only affects its next runs.
    /// </summary>
    public bool Disruptive { get; init; }

    /// <summary>Pod-template annotations this patch removes, with their values for rollback.</summary>
    public ImmutableSortedDictionary<string, string> RemoveAnnotations { get; init; } = ImmutableSortedDictionary<string, string>.Empty;
}
