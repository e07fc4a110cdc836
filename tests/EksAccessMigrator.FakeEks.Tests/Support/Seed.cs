namespace EksAccessMigrator.FakeEks.Tests.Support;

/// <summary>Common seed data.</summary>
internal static class Seed
{
    public const string Account = "111122223333";
    public const string Cluster = "prod";
    public const string NodeRole = "arn:aws:iam::111122223333:role/eks-node-role";
    public const string WindowsNodeRole = "arn:aws:iam::111122223333:role/eks-windows-node-role";
    public const string FargateRole = "arn:aws:iam::111122223333:role/fargate-pod-execution";
    public const string Creator = "arn:aws:iam::111122223333:role/platform/cluster-creator";
    public const string Developer = "arn:aws:iam::111122223333:role/teams/developer";
    public const string ViewPolicy = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy";
    public const string AdminPolicy = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy";

    public static void Standard(FakeEksState state, string mode = "CONFIG_MAP")
    {
        state.AddCluster(Cluster, Account, "us-west-2", mode)
            .AddNodegroup(Cluster, "linux", NodeRole)
            .AddNodegroup(Cluster, "windows", WindowsNodeRole, "WINDOWS_CORE_2022_x86_64")
            .AddFargateProfile(Cluster, "fp-default", FargateRole, new FargateSelector("serverless"))
            .AddAddon(Cluster, "eks-pod-identity-agent")
            .SetClusterCreator(Cluster, Creator);
    }

    public static async Task<FakeEksServer> StartAsync(string mode = "CONFIG_MAP", FakeEksOptions? options = null)
    {
        var server = await FakeEksServer.StartAsync(options ?? new FakeEksOptions { SecretAccessKey = SignedEksClient.Secret });
        Standard(server.State, mode);
        return server;
    }
}
