using System.Text.Json.Serialization;

namespace EksAccessMigrator.Core.Plans;

/// <summary>
/// Kubernetes: a rolling restart, so running pods are recreated and get Pod Identity credentials (rule K14).
/// Apply performs it only with <c>--restart-workloads</c>. A restart cannot be undone, but it changes nothing
/// that a second restart would not restore, so it counts as reversible.
/// </summary>
public sealed record RestartWorkloadChange : PlanChange
{
    public const string ActionName = "RestartWorkload";

    [JsonIgnore]
    public override string Action => ActionName;

    [JsonIgnore]
    public override int Stage => AfterAnnotationRemovals ? ChangeStages.RestartsAfterAnnotationRemovals : ChangeStages.Restarts;

    /// <summary>Always true: a restart rolls the workload's pods (rule K14).</summary>
    public bool Disruptive { get; init; } = true;

    public required WorkloadKind Kind { get; init; }

    public required string Namespace { get; init; }

    public required string Name { get; init; }

    /// <summary>
    /// True for workloads of an IRSA ServiceAccount: the IRSA webhook injects credentials at pod creation, so the
    /// restart must follow the removal of the role annotation (rule R2).
    /// </summary>
    public bool AfterAnnotationRemovals { get; init; }
}
