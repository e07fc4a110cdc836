using EksAccessMigrator.Aws;

namespace EksAccessMigrator.Live.Errors;

/// <summary>Facts about a running scan that error messages name (no secrets).</summary>
internal sealed class LiveScanContext(LiveScanSettings settings)
{
    public string ClusterName => settings.ClusterName;

    public string Region => settings.Aws.Region;

    /// <summary>The API server in use, once known.</summary>
    public Uri? KubernetesEndpoint { get; set; }

    public Uri? AwsEndpoint(string service) => service switch
    {
        "EKS" => AwsEndpointResolver.Resolve(settings.Aws, AwsService.Eks).BaseUri,
        "IAM" => AwsEndpointResolver.Resolve(settings.Aws, AwsService.Iam).BaseUri,
        "STS" => AwsEndpointResolver.Resolve(settings.Aws, AwsService.Sts).BaseUri,
        _ => null,
    };
}
