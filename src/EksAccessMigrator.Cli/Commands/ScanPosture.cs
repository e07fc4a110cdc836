using System.Collections.Immutable;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Plans;
using EksAccessMigrator.Core.Reports;
using EksAccessMigrator.Manifests;

namespace EksAccessMigrator.Cli.Commands;

/// <summary>
/// The node-role posture of an offline scan (rules N1-N3): the roles' policies from
/// <c>get-account-authorization-details</c> files, judged against the scanned aws-auth and agents. A scan has no
/// cluster facts, so the posture is judged for a placeholder cluster: only the role lines are shown.
/// </summary>
internal static class ScanPosture
{
    public static ImmutableArray<PlanNodeRole>? Offline(OfflineManifests scanned, string? roleKey)
    {
        if (RolePermissionsReader.Read(scanned.IamSnapshots) is not { } policies)
        {
            return null;
        }

        var inventory = new ClusterInventory(new ClusterContext("scan", "us-east-1", "000000000000", "aws", AuthenticationMode.ConfigMap), scanned.AwsAuth, IamSnapshot.Empty, null, null)
        {
            Workloads = scanned.Workloads.ToInventory([]),
            NodeRoles = policies,
        };
        return ScanReport.PostureOf(inventory, roleKey);
    }
}
