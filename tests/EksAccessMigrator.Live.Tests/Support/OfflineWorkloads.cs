using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Manifests;

namespace EksAccessMigrator.Live.Tests.Support;

/// <summary>The offline side over an export of a workload cluster: the real <see cref="OfflineInventoryScanner"/>, as <c>plan --from</c> reads it.</summary>
internal static class OfflineWorkloads
{
    /// <param name="oidcIssuer">What <c>--oidc-issuer</c> gives offline (the live scan reads it from DescribeCluster).</param>
    public static ClusterInventory Inventory(IReadOnlyList<string> exportFiles, string iamSnapshotFile, string clusterName, string? callerArn, string? oidcIssuer = null) =>
        OfflineSide.Scan(new OfflineScanSettings
        {
            Cluster = OfflineSide.Context(clusterName, WorkloadMoto.Region, WorkloadMoto.Account, AuthenticationMode.ConfigMap),
            From = exportFiles,
            IamSnapshots = [iamSnapshotFile],
            CallerArn = callerArn,
            OidcIssuer = oidcIssuer,
        });

    /// <summary>What a workload record says, without where it was read (a file line offline, the cluster live).</summary>
    public static string Describe(WorkloadInfo w) =>
        $"{w.Key} sa={w.ServiceAccountName} host={w.HostNetwork} windows={w.SelectsWindows} owner={w.ControllerKind}/{w.ControllerName} annotations={string.Join(",", w.PodAnnotations.Select(a => $"{a.Key}={a.Value}"))}";

    public static string Describe(IdentityAgentInfo a) => $"{a.Agent} {a.Key} {string.Join(" ", a.Args)}";

    public static string Describe(ServiceAccountInfo s) =>
        $"{s.Namespace}/{s.Name} {string.Join(",", s.Annotations.Select(a => $"{a.Key}={a.Value}"))} {string.Join(",", s.Labels.Select(a => $"{a.Key}={a.Value}"))} {string.Join(",", s.ImagePullSecrets)} {s.AutomountServiceAccountToken}";

    public static string Describe(NamespaceInfo n) => $"{n.Name} {string.Join(",", n.Annotations.Select(a => $"{a.Key}={a.Value}"))}";
}
