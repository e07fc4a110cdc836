using EksAccessMigrator.Core.Arns;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Manifests;
using EksAccessMigrator.Manifests.Collectors;

namespace EksAccessMigrator.Live.Tests.Support;

/// <summary>The offline path over an export of a workload cluster, as the CLI's OfflineInventory.Build reads it.</summary>
internal static class OfflineWorkloads
{
    public static ClusterInventory Inventory(IReadOnlyList<string> exportFiles, string iamSnapshotFile, string clusterName, string? callerArn)
    {
        var awsAuth = new AwsAuthCollector();
        var workloads = new WorkloadCollector();
        ManifestScanner.Scan(exportFiles, [awsAuth, workloads], CancellationToken.None);
        var trust = TrustPolicyReader.Read(iamSnapshotFile);
        var context = new ClusterContext(clusterName, WorkloadMoto.Region, WorkloadMoto.Account, Partitions.ForRegion(WorkloadMoto.Region), AuthenticationMode.ConfigMap);
        return new ClusterInventory(context, awsAuth.AwsAuth, IamSnapshotReader.Read([iamSnapshotFile]), null, callerArn)
        {
            Workloads = workloads.ToInventory(trust.Policies),
            NodeRoles = RolePermissionsReader.Read([iamSnapshotFile]),
        };
    }

    /// <summary>What a workload record says, without where it was read (a file line offline, the cluster live).</summary>
    public static string Describe(WorkloadInfo w) =>
        $"{w.Key} sa={w.ServiceAccountName} host={w.HostNetwork} windows={w.SelectsWindows} owner={w.ControllerKind}/{w.ControllerName} annotations={string.Join(",", w.PodAnnotations.Select(a => $"{a.Key}={a.Value}"))}";

    public static string Describe(IdentityAgentInfo a) => $"{a.Agent} {a.Key} {string.Join(" ", a.Args)}";

    public static string Describe(ServiceAccountInfo s) =>
        $"{s.Namespace}/{s.Name} {string.Join(",", s.Annotations.Select(a => $"{a.Key}={a.Value}"))} {string.Join(",", s.Labels.Select(a => $"{a.Key}={a.Value}"))} {string.Join(",", s.ImagePullSecrets)} {s.AutomountServiceAccountToken}";

    public static string Describe(NamespaceInfo n) => $"{n.Name} {string.Join(",", n.Annotations.Select(a => $"{a.Key}={a.Value}"))}";
}
