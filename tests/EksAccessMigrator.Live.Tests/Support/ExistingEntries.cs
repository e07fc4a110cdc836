using EksAccessMigrator.FakeEks;

namespace EksAccessMigrator.Live.Tests.Support;

/// <summary>Access entries an API_AND_CONFIG_MAP cluster already has (rules A9, A10).</summary>
internal static class ExistingEntries
{
    public const string ClusterAdminPolicy = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy";
    public const string ViewPolicy = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy";

    public static void Seed(FakeEksState state)
    {
        const string cluster = Scenario.ClusterName;

        // A10: EKS made these itself: the creator's admin entry and the managed node group's entry.
        state.SetClusterCreator(cluster, Scenario.CreatorRoleArn, bootstrapClusterCreatorAdminPermissions: true);
        state.AddNodegroup(cluster, "ng-1", Scenario.NodeRoleArn);

        // A9: same entry and policy (no-op) plus an extra namespace-scoped policy (reported).
        state.AddAccessEntry(cluster, Scenario.AdminRoleArn, "STANDARD", "platform-admin", ["platform-team"]);
        state.AssociateAccessPolicy(cluster, Scenario.AdminRoleArn, ClusterAdminPolicy);
        state.AssociateAccessPolicy(cluster, Scenario.AdminRoleArn, ViewPolicy, ["payments"]);

        // A9: other groups (update) and another type (conflict).
        state.AddAccessEntry(cluster, Scenario.DevelopersRoleArn, "STANDARD", "dev:{{SessionName}}", ["old-developers"]);
        state.AddAccessEntry(cluster, Scenario.BobArn, "EC2_LINUX");
    }
}
