namespace EksAccessMigrator.Aws;

/// <summary>Everything the AWS clients need to know besides credentials.</summary>
public sealed record AwsClientSettings
{
    /// <summary>Region (required for EKS and STS; IAM uses the partition's global endpoint).</summary>
    public required string Region { get; init; }

    /// <summary>Named profile from the shared config/credentials files, or null for the default chain.</summary>
    public string? Profile { get; init; }

    public Uri? EndpointUrl { get; init; }

    public Uri? EksEndpointUrl { get; init; }

    public Uri? IamEndpointUrl { get; init; }

    public Uri? StsEndpointUrl { get; init; }

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public AwsRetryOptions Retry { get; init; } = new();

    public AwsPartition Partition => AwsPartition.ForRegion(Region);
}
