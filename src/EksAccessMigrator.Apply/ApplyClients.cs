using EksAccessMigrator.Aws.Eks;
using EksAccessMigrator.Aws.Iam;
using EksAccessMigrator.Core.Ports;
using EksAccessMigrator.Kubernetes;
using EksAccessMigrator.Live;

namespace EksAccessMigrator.Apply;

/// <summary>The retrying clients apply and rollback use. The caller owns and disposes them.</summary>
/// <param name="Eks">EKS.</param>
/// <param name="Iam">IAM.</param>
/// <param name="CallerIdentity">Who the credentials are (the <see cref="ICallerIdentity"/> port; STS in production).</param>
/// <param name="Kubernetes">A connection to the cluster's API server.</param>
/// <param name="Region">The region the clients talk to.</param>
public sealed record ApplyClients(
    EksClient Eks,
    IamClient Iam,
    ICallerIdentity CallerIdentity,
    KubernetesConnection Kubernetes,
    string Region)
{
    /// <summary>The clients of an opened <see cref="ClusterConnection"/> (which stays their owner).</summary>
    public static ApplyClients Of(ClusterConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return new ApplyClients(connection.Eks, connection.Iam, connection.Sts, connection.Kubernetes, connection.Region);
    }
}
