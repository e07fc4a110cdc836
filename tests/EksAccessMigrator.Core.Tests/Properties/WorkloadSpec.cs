namespace EksAccessMigrator.Core.Tests.Properties;

/// <summary>
/// One generated workload (a pod template or a bare Pod): its namespace (an index into the case's namespaces), its
/// ServiceAccount (<c>sa0</c>-<c>sa2</c>, or none), the role annotation's value (or none), and its pod shape.
/// </summary>
internal sealed record WorkloadSpec(int Namespace, int? ServiceAccount, string? Role, string Kind, bool HostNetwork, bool Windows)
{
    /// <summary>Simpler workloads: no hostNetwork, not Windows, a Deployment, the first namespace, no ServiceAccount.</summary>
    public IEnumerable<WorkloadSpec> Shrink()
    {
        if (HostNetwork)
        {
            yield return this with { HostNetwork = false };
        }

        if (Windows)
        {
            yield return this with { Windows = false };
        }

        if (Kind != "Deployment")
        {
            yield return this with { Kind = "Deployment" };
        }

        if (Namespace > 0)
        {
            yield return this with { Namespace = 0 };
        }

        if (ServiceAccount is not null)
        {
            yield return this with { ServiceAccount = null };
        }
    }
}
