using System.Text.Json;
using EksAccessMigrator.Core.Arns;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Ports;

namespace EksAccessMigrator.Aws.Ports;

/// <summary>
/// Reads DescribeCluster's raw response so that everything later steps need is kept, the CA data included (see
/// <see cref="EksClusterControl.DescribeClusterFactsAsync"/>).
/// </summary>
public static class EksClusterFactsParser
{

    /// <summary>Reads a DescribeCluster response body.</summary>
    public static EksClusterFacts Parse(byte[] body)
    {
        using var document = JsonDocument.Parse(body);
        if (!document.RootElement.TryGetProperty("cluster", out var cluster) || cluster.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("DescribeCluster returned no 'cluster'.");
        }

        var arn = String(cluster, "arn") ?? throw new FormatException("DescribeCluster returned a cluster without an ARN.");
        var parts = arn.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || parts[2] != "eks" || !AccountIds.IsValid(parts[4]) || !parts[5].StartsWith("cluster/", StringComparison.Ordinal))
        {
            throw new FormatException($"DescribeCluster returned '{arn}', which is not an EKS cluster ARN.");
        }

        var accessConfig = cluster.TryGetProperty("accessConfig", out var ac) && ac.ValueKind == JsonValueKind.Object ? ac : (JsonElement?)null;
        var modeText = accessConfig is { } a ? String(a, "authenticationMode") : null;

        // Clusters from before access entries report no accessConfig; they read aws-auth only.
        var mode = modeText is null ? AuthenticationMode.ConfigMap
            : AuthenticationMode.Parse(modeText) ?? throw new FormatException($"DescribeCluster reported the unknown authentication mode '{modeText}'.");
        var endpointText = String(cluster, "endpoint");
        return new EksClusterFacts(
            Name: String(cluster, "name") ?? parts[5]["cluster/".Length..],
            Arn: arn,
            Region: parts[3],
            AccountId: parts[4],
            Partition: parts[1],
            AuthenticationMode: mode,
            Endpoint: Uri.TryCreate(endpointText, UriKind.Absolute, out var endpoint) ? endpoint : null,
            CertificateAuthorityData: Nested(cluster, "certificateAuthority", "data"),
            OidcIssuer: cluster.TryGetProperty("identity", out var identity) && identity.ValueKind == JsonValueKind.Object ? Nested(identity, "oidc", "issuer") : null,
            PlatformVersion: String(cluster, "platformVersion"),
            KubernetesVersion: String(cluster, "version"),
            Status: String(cluster, "status"),
            BootstrapClusterCreatorAdminPermissions: accessConfig is { } b && b.TryGetProperty("bootstrapClusterCreatorAdminPermissions", out var flag)
                && flag.ValueKind is JsonValueKind.True or JsonValueKind.False ? flag.GetBoolean() : null)
        {
            AutoModeEnabled = cluster.TryGetProperty("computeConfig", out var compute) && compute.ValueKind == JsonValueKind.Object
                && compute.TryGetProperty("enabled", out var enabled) && enabled.ValueKind is JsonValueKind.True or JsonValueKind.False ? enabled.GetBoolean() : null,
        };
    }

    private static string? Nested(JsonElement element, string outer, string inner) =>
        element.TryGetProperty(outer, out var child) && child.ValueKind == JsonValueKind.Object ? String(child, inner) : null;

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
