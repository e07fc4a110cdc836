using EksAccessMigrator.Aws;
using EksAccessMigrator.Kubernetes;

namespace EksAccessMigrator.Live;

/// <summary>
/// What a live scan reads and how: <c>--cluster NAME --region R [--profile P] [--kubeconfig F --context C]</c>.
/// Credentials are passed to the scanner separately.
/// </summary>
public sealed record LiveScanSettings
{
    /// <summary>The EKS cluster's name.</summary>
    public required string ClusterName { get; init; }

    /// <summary>Region, profile, endpoint overrides, retries and rate limit of the AWS clients.</summary>
    public required AwsClientSettings Aws { get; init; }

    /// <summary>
    /// A kubeconfig file to reach the API server with. When this or <see cref="KubeContext"/> is set the kubeconfig
    /// is used (its own credentials, e.g. an exec plugin); otherwise the scanner goes straight to the EKS endpoint.
    /// </summary>
    public string? KubeconfigPath { get; init; }

    /// <summary>The kubeconfig context; null for the current one.</summary>
    public string? KubeContext { get; init; }

    /// <summary>
    /// Talk to this API server address instead of the endpoint DescribeCluster reports (for example a tunnel to a
    /// private endpoint). The EKS bearer token is still made for the cluster. Ignored with a kubeconfig.
    /// </summary>
    public Uri? ApiServerOverride { get; init; }

    /// <summary>CA data (base64 PEM) for <see cref="ApiServerOverride"/>; null trusts the system store (or none for http).</summary>
    public string? ApiServerCertificateAuthorityData { get; init; }

    /// <summary>Paging, retries and timeouts of the Kubernetes client.</summary>
    public KubernetesAdapterOptions Kubernetes { get; init; } = new();

    /// <summary>Most AWS calls in flight at once for the per-entry fan-out (DescribeAccessEntry and its policies).</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>IAM <c>MaxItems</c> per ListRoles/ListUsers page (IAM allows 1 to 1,000).</summary>
    public int IamPageSize { get; init; } = 1000;

    /// <summary>
    /// Read workload identity too (rules K1-K14, R1-R4): Namespaces, ServiceAccounts, Pods and workloads, the
    /// kube2iam/kiam agents, add-ons, Pod Identity associations, node groups and Fargate profiles. When false the
    /// inventory's <see cref="Core.Inventory.ClusterInventory.Workloads"/> stays empty (everything unknown).
    /// </summary>
    public bool ReadWorkloads { get; init; } = true;

    /// <summary>kube2iam <c>--iam-role-key</c>: the annotation the collectors look for; null for <c>iam.amazonaws.com/role</c>. Recorded in the inventory.</summary>
    public string? IamRoleKey { get; init; }

    /// <summary>
    /// The cluster's OIDC issuer as the command line gives it (<c>--oidc-issuer</c>), recorded in the inventory instead
    /// of the one DescribeCluster reports; null to take DescribeCluster's.
    /// </summary>
    public string? OidcIssuer { get; init; }

    /// <summary>Clock for bearer tokens.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>True when the API server is reached through a kubeconfig.</summary>
    public bool UsesKubeconfig => KubeconfigPath is not null || KubeContext is not null;

    /// <summary>
    /// Settings from command-line values and the environment: region from <paramref name="region"/>,
    /// AWS_REGION or the profile; AWS_ENDPOINT_URL(_EKS/_IAM/_STS) overrides.
    /// </summary>
    public static LiveScanSettings Load(string clusterName, string? region, string? profile, string? kubeconfigPath, string? kubeContext, Func<string, string?>? environment = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterName);
        return new LiveScanSettings
        {
            ClusterName = clusterName.Trim(),
            Aws = AwsSettingsLoader.Load(region, profile, environment),
            KubeconfigPath = string.IsNullOrWhiteSpace(kubeconfigPath) ? null : kubeconfigPath,
            KubeContext = string.IsNullOrWhiteSpace(kubeContext) ? null : kubeContext,
        };
    }

    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(ClusterName);
        ArgumentNullException.ThrowIfNull(Aws);
        ArgumentNullException.ThrowIfNull(Kubernetes);
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrency, 1, nameof(MaxConcurrency));
        ArgumentOutOfRangeException.ThrowIfLessThan(IamPageSize, 1, nameof(IamPageSize));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(IamPageSize, 1000, nameof(IamPageSize));
        if (IamRoleKey is not null)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(IamRoleKey, nameof(IamRoleKey));
        }
    }
}
