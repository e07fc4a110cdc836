using System.Collections.Immutable;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Live;

/// <summary>What the workload part of a scan read; <see cref="Inventory"/> joins it with the roles' trust policies.</summary>
internal sealed record WorkloadScanResult(
    WorkloadInventory? Kubernetes,
    bool AutoMode,
    ImmutableArray<string> Addons,
    ImmutableArray<ExistingPodIdentityAssociation>? Associations,
    ImmutableArray<LiveNodegroup> Nodegroups,
    ImmutableArray<FargateProfileDescription> FargateProfiles)
{
    /// <summary>Nothing read: every workload fact stays unknown.</summary>
    public static WorkloadScanResult None { get; } = new(null, false, [], null, [], []);

    /// <summary>
    /// The planner's workload inventory: the collectors' records, the trust policies of the account's roles, the agent
    /// (rule K12: the add-on, EKS Auto Mode, or its DaemonSet seen by the collectors), the associations (rule K13) and
    /// the role annotation the collectors searched for (<paramref name="roleKey"/>, null for the default).
    /// </summary>
    public WorkloadInventory Inventory(IEnumerable<ListedRole> roles, string? roleKey = null)
    {
        ArgumentNullException.ThrowIfNull(roles);
        if (Kubernetes is null)
        {
            return WorkloadInventory.Empty;
        }

        return Kubernetes with
        {
            TrustPolicies = RoleTrustPolicies.Of(roles),
            PodIdentityAgentInstalled = AutoMode || Addons.Contains(AddonReader.PodIdentityAgent, StringComparer.Ordinal) || Kubernetes.PodIdentityAgentInstalled == true,
            ExistingAssociations = Associations,
            FargateProfiles = [.. FargateProfiles.Select(p => p.ToInfo())],
            IamRoleKey = roleKey,
        };
    }
}
