namespace EksAccessMigrator.Core.Ports;

/// <summary>
/// Everything apply, rollback and verify reach a cluster through: the ports of one opened cluster connection and
/// the region its AWS side talks to. Built by the composition root (the CLI, from Live's <c>ClusterConnection</c>;
/// the tests, from the real adapters over the fakes); whoever builds it owns and disposes what is behind it.
/// </summary>
/// <param name="AccessEntries">EKS access entries and their policies.</param>
/// <param name="PodIdentity">EKS Pod Identity associations and the agent add-on.</param>
/// <param name="RoleTrust">IAM trust policies.</param>
/// <param name="RolePolicies">IAM inline role policies.</param>
/// <param name="Cluster">Cluster-level EKS calls (DescribeCluster, the authentication-mode switch).</param>
/// <param name="CallerIdentity">Whose credentials run this.</param>
/// <param name="Objects">The Kubernetes objects.</param>
/// <param name="Lease">The cluster lease.</param>
/// <param name="Region">The region the AWS ports talk to.</param>
public sealed record ClusterPorts(
    IAccessEntries AccessEntries,
    IPodIdentity PodIdentity,
    IRoleTrust RoleTrust,
    IRolePolicies RolePolicies,
    IClusterControl Cluster,
    ICallerIdentity CallerIdentity,
    IClusterObjects Objects,
    IClusterLease Lease,
    string Region);
