using System.Collections.Immutable;
using EksAccessMigrator.Aws;
using EksAccessMigrator.Aws.Credentials;
using EksAccessMigrator.Aws.Tokens;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Kubernetes;
using EksAccessMigrator.Live.Errors;
using k8s.Models;

namespace EksAccessMigrator.Live;

/// <summary>
/// Reads <c>kube-system/aws-auth</c>: through the kubeconfig when one is given, else straight to the EKS endpoint
/// with the cluster's CA and an EKS bearer token (made like <c>aws eks get-token</c>, refreshed by the connection,
/// never logged).
/// </summary>
internal static class AwsAuthReader
{
    /// <summary>The location a live aws-auth is reported at (line 0: a live object has no lines).</summary>
    public const string LiveLocation = "cluster:kube-system/aws-auth";

    public static KubernetesConnection Connect(LiveScanSettings settings, EksClusterFacts cluster, IAwsCredentialSource credentials, KubernetesAdapterOptions options)
    {
        if (settings.UsesKubeconfig)
        {
            return KubernetesConnection.FromKubeconfig(settings.KubeconfigPath, settings.KubeContext, options);
        }

        var endpoint = settings.ApiServerOverride ?? cluster.Endpoint
            ?? throw new LiveScanException(ScanStep.AwsAuth, $"DescribeCluster reported no API server endpoint for '{cluster.Name}' (status {cluster.Status ?? "unknown"}); wait until the cluster is ACTIVE, or give --kubeconfig.", null);
        var caData = settings.ApiServerOverride is null ? cluster.CertificateAuthorityData : settings.ApiServerCertificateAuthorityData;
        return KubernetesConnection.FromEndpoint(endpoint, caData, ct => NewTokenAsync(cluster.Name, settings.Aws, credentials, settings.TimeProvider, ct), options);
    }

    public static async Task<AwsAuthConfigMap?> ReadAsync(KubernetesConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var configMap = await connection.CreateReader().GetAwsAuthConfigMapAsync(cancellationToken).ConfigureAwait(false);
        return configMap is null ? null : Convert(configMap);
    }

    /// <summary>The uid of <c>kube-system</c> (the cluster's identity); null when it is absent or the caller may not read it.</summary>
    public static async Task<string?> KubeSystemUidAsync(KubernetesConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        try
        {
            return await connection.CreateReader().GetNamespaceUidAsync("kube-system", cancellationToken).ConfigureAwait(false);
        }
        catch (KubernetesApiException e) when (e.StatusCode == 403)
        {
            return null;
        }
    }

    /// <summary>A live ConfigMap's data values are always strings (the API server rejects anything else).</summary>
    public static AwsAuthConfigMap Convert(V1ConfigMap configMap)
    {
        ArgumentNullException.ThrowIfNull(configMap);
        var location = new SourceLocation(LiveLocation, 0);
        var data = (configMap.Data ?? new Dictionary<string, string>())
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new AwsAuthDataValue(kv.Key, kv.Value ?? string.Empty, true, location, 0))
            .ToImmutableArray();
        return new AwsAuthConfigMap(location, data, configMap.Metadata?.ResourceVersion);
    }

    private static async Task<string> NewTokenAsync(string clusterName, AwsClientSettings settings, IAwsCredentialSource credentials, TimeProvider time, CancellationToken cancellationToken)
    {
        var token = await EksTokenGenerator.CreateAsync(clusterName, settings, credentials, time, cancellationToken).ConfigureAwait(false);
        return token.Token;
    }
}
