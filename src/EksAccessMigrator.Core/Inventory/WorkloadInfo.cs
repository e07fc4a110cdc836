using System.Collections.Immutable;

namespace EksAccessMigrator.Core.Inventory;

/// <summary>
/// One pod template (of a Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or CronJob) or a bare Pod, reduced
/// to what rules K2-K14 need.
/// </summary>
/// <param name="ServiceAccountName">As written; null when the template names none (then it is <c>default</c>).</param>
/// <param name="PodAnnotations">The pod template's (or Pod's) annotations.</param>
/// <param name="SelectsWindows">A nodeSelector or required node affinity for <c>kubernetes.io/os: windows</c>.</param>
/// <param name="ControllerKind">The kind of the controller owner (ownerReferences with controller: true), if any.</param>
public sealed record WorkloadInfo(
    string Kind,
    string Namespace,
    string Name,
    string? ServiceAccountName,
    ImmutableSortedDictionary<string, string> PodAnnotations,
    bool HostNetwork,
    bool SelectsWindows,
    string? ControllerKind,
    string? ControllerName,
    SourceLocation Location)
{
    /// <summary>The pod template's (or Pod's) labels: Fargate profiles select pods by them (rule K9).</summary>
    public ImmutableSortedDictionary<string, string> PodLabels { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Ports its pods hold on their node: host ports, and with hostNetwork container ports (rule K15).</summary>
    public ImmutableArray<int> HostPorts { get; init; } = [];

    /// <summary>A Pod's containers and whether each has Pod Identity's environment (rule K16); empty for pod templates.</summary>
    public ImmutableArray<ContainerCredentialEnv> ContainerEnv { get; init; } = [];

    /// <summary>A Pod's <c>status.phase</c> (<c>Running</c>, <c>Pending</c>, ...); null for pod templates or when not exported.</summary>
    public string? PodPhase { get; init; }

    /// <summary>The ServiceAccount its pods run as (rule K5).</summary>
    public string EffectiveServiceAccount => string.IsNullOrEmpty(ServiceAccountName) ? "default" : ServiceAccountName;

    /// <summary><c>namespace/Kind/name</c>: the subject of findings and the source of what was read.</summary>
    public string Key => $"{Namespace}/{Kind}/{Name}";
}
