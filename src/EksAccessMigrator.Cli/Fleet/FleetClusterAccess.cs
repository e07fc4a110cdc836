using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Aws.Http;
using EksAccessMigrator.Cli.Commands;
using EksAccessMigrator.Cli.Views;
using EksAccessMigrator.Core.Fleet;

namespace EksAccessMigrator.Cli.Fleet;

/// <summary>
/// How one fleet cluster is reached, in the single-cluster commands' own terms: its <see cref="ClusterOptions"/> and
/// <see cref="LiveOptions"/> (profile, kubeconfig, context from the inventory), and, with <c>roleArn</c>, credentials
/// of that role assumed through STS with the profile's (or the default chain's) credentials.
/// </summary>
internal sealed class FleetClusterAccess : IDisposable
{
    private FleetClusterAccess(ClusterOptions cluster, LiveOptions live, AssumeRoleCredentialSource? assumed)
    {
        Cluster = cluster;
        Live = live;
        Assumed = assumed;
    }

    public ClusterOptions Cluster { get; }

    public LiveOptions Live { get; }

    /// <summary>The assumed role's credentials; null when the cluster is reached with the base credentials.</summary>
    public AssumeRoleCredentialSource? Assumed { get; }

    public IAwsCredentialSource? Credentials => Assumed;

    public static FleetClusterAccess For(FleetCluster cluster, bool debug, WireLogView? wireLog)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var options = new ClusterOptions { Cluster = cluster.Name, Region = cluster.Region };
        var live = new LiveOptions { Profile = cluster.Profile, Kubeconfig = cluster.Kubeconfig, Context = cluster.Context, Debug = debug };
        if (cluster.RoleArn is null)
        {
            return new FleetClusterAccess(options, live, null);
        }

        // STS of the cluster's region and endpoints, from the same settings the connection uses; the clock is the
        // system's, as the connection's is (credentials expire in real time).
        var aws = LiveInventory.Settings(options, live, null).Aws;
        var assumed = new AssumeRoleCredentialSource(
            cluster.RoleArn,
            AssumeRoleCredentialSource.SessionName(cluster.Name),
            new SdkCredentialSource(cluster.Profile),
            aws,
            new AwsPipelineOptions { Log = wireLog });
        return new FleetClusterAccess(options, live, assumed);
    }

    public void Dispose() => Assumed?.Dispose();
}
