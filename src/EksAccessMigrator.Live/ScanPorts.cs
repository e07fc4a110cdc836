using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Live;

/// <summary>
/// The ports the live scan reads the AWS side through, built by <see cref="AdapterPorts.ForScan"/> with the scan's
/// <see cref="RetryRecorder"/> seeing each call, so that the retry statistics stay per call (per page, per describe).
/// </summary>
/// <param name="Cluster">DescribeCluster.</param>
/// <param name="CallerIdentity">Whose credentials run the scan.</param>
/// <param name="Principals">The account's IAM roles and users.</param>
/// <param name="RolePolicies">The node roles' IAM policies.</param>
/// <param name="AccessEntries">Access entries and their policies.</param>
/// <param name="PodIdentity">Pod Identity associations and the add-ons.</param>
/// <param name="Compute">Node groups and Fargate profiles.</param>
internal sealed record ScanPorts(
    IClusterControl Cluster,
    ICallerIdentity CallerIdentity,
    IIamPrincipals Principals,
    IRolePolicies RolePolicies,
    IAccessEntries AccessEntries,
    IPodIdentity PodIdentity,
    IClusterCompute Compute);
