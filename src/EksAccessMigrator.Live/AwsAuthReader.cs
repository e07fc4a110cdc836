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
/// Reads <c>kube-system/aws-auth</c> and the cluster's identity over the API server connection that
/// <see cref="ClusterConnection"/> opened.
/// </summary>
internal static class AwsAuthReader
{
    /// <summary>The location a live aws-auth is reported at (line 0: a live object has no lines).</summary>
    public const string LiveLocation = "cluster:kube-system/aws-auth";

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
}
