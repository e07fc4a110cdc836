using EksAccessMigrator.Aws.Eks;
using EksAccessMigrator.Aws.Iam;
using EksAccessMigrator.Aws.Ports;
using EksAccessMigrator.Core.Ports;
using EksAccessMigrator.Kubernetes;
using EksAccessMigrator.Kubernetes.Ports;

namespace EksAccessMigrator.Live;

/// <summary>The Core ports over the real adapters: the AWS wire clients and a Kubernetes connection (which stay the caller's to dispose).</summary>
public static class AdapterPorts
{
    public static ClusterPorts Create(EksClient eks, IamClient iam, ICallerIdentity callerIdentity, KubernetesConnection kubernetes, string region)
    {
        ArgumentNullException.ThrowIfNull(eks);
        ArgumentNullException.ThrowIfNull(iam);
        ArgumentNullException.ThrowIfNull(callerIdentity);
        ArgumentNullException.ThrowIfNull(kubernetes);
        return new ClusterPorts(
            new EksAccessEntries(eks),
            new EksPodIdentity(eks),
            new IamRoleTrust(iam),
            new IamRolePolicies(iam),
            new EksClusterControl(eks),
            callerIdentity,
            new KubernetesClusterObjects(kubernetes),
            new KubernetesClusterLease(kubernetes),
            region);
    }

    /// <summary>The live scan's read ports over the AWS wire clients, with <paramref name="tracker"/> seeing each call.</summary>
    internal static ScanPorts ForScan(EksClient eks, IamClient iam, ICallerIdentity callerIdentity, IAwsCallTracker tracker) =>
        new(
            new EksClusterControl(eks, tracker),
            callerIdentity,
            new IamPrincipals(iam, tracker),
            new IamRolePolicies(iam, tracker),
            new EksAccessEntries(eks, tracker),
            new EksPodIdentity(eks, tracker),
            new EksClusterCompute(eks, tracker));
}
