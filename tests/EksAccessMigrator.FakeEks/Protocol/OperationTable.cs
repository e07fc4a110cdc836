using EksAccessMigrator.FakeEks.Handlers;

namespace EksAccessMigrator.FakeEks.Protocol;

/// <summary>Maps operation names to their handlers. Handlers run under the state lock.</summary>
internal static class OperationTable
{
    public static IReadOnlySet<string> Idempotent { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "CreateAccessEntry", "UpdateAccessEntry", "CreatePodIdentityAssociation", "UpdatePodIdentityAssociation",
        "CreateAddon", "UpdateClusterConfig",
    };

    public static Dictionary<string, Func<EksRequest, ApiResponse>> Build(FakeEksState state, Paginator paginator)
    {
        var entries = new AccessEntryHandlers(state, paginator);
        var policies = new AccessPolicyHandlers(state, paginator, entries);
        var pods = new PodIdentityHandlers(state, paginator);
        var cluster = new ClusterHandlers(state);
        var addons = new AddonHandlers(state, paginator);
        var compute = new ComputeHandlers(state, paginator);
        return new Dictionary<string, Func<EksRequest, ApiResponse>>(StringComparer.Ordinal)
        {
            ["CreateAccessEntry"] = entries.Create,
            ["DescribeAccessEntry"] = entries.Describe,
            ["ListAccessEntries"] = entries.List,
            ["UpdateAccessEntry"] = entries.Update,
            ["DeleteAccessEntry"] = entries.Delete,
            ["AssociateAccessPolicy"] = policies.Associate,
            ["DisassociateAccessPolicy"] = policies.Disassociate,
            ["ListAssociatedAccessPolicies"] = policies.ListAssociated,
            ["ListAccessPolicies"] = policies.ListAccessPolicies,
            ["CreatePodIdentityAssociation"] = pods.Create,
            ["DescribePodIdentityAssociation"] = pods.Describe,
            ["ListPodIdentityAssociations"] = pods.List,
            ["UpdatePodIdentityAssociation"] = pods.Update,
            ["DeletePodIdentityAssociation"] = pods.Delete,
            ["DescribeCluster"] = cluster.Describe,
            ["UpdateClusterConfig"] = cluster.UpdateConfig,
            ["DescribeUpdate"] = cluster.DescribeUpdate,
            ["ListAddons"] = addons.List,
            ["DescribeAddon"] = addons.Describe,
            ["CreateAddon"] = addons.Create,
            ["DeleteAddon"] = addons.Delete,
            ["ListNodegroups"] = compute.ListNodegroups,
            ["DescribeNodegroup"] = compute.DescribeNodegroup,
            ["ListFargateProfiles"] = compute.ListFargateProfiles,
            ["DescribeFargateProfile"] = compute.DescribeFargateProfile,
        };
    }
}
