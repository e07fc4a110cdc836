namespace EksAccessMigrator.Kubernetes;

/// <summary>Names one workload.</summary>
/// <param name="Kind">The workload kind.</param>
/// <param name="Namespace">Its namespace.</param>
/// <param name="Name">Its name.</param>
public sealed record WorkloadRef(WorkloadKind Kind, string Namespace, string Name)
{
    /// <inheritdoc />
    public override string ToString() => $"{Kind} {Namespace}/{Name}";
}
