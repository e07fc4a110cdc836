using EksAccessMigrator.Core.Plans;

namespace EksAccessMigrator.Core.Ports;

/// <summary>Names one workload whose pod template the executor reads or changes.</summary>
/// <param name="Kind">The workload kind (not <see cref="WorkloadKind.Pod"/>: a bare pod has no template to change).</param>
/// <param name="Namespace">Its namespace.</param>
/// <param name="Name">Its name.</param>
public sealed record WorkloadAddress(WorkloadKind Kind, string Namespace, string Name)
{
    /// <inheritdoc />
    public override string ToString() => $"{Kind} {Namespace}/{Name}";
}
