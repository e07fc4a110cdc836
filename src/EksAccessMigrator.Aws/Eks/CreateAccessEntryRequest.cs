namespace EksAccessMigrator.Aws.Eks;

/// <summary>Input of CreateAccessEntry. A client request token is generated when none is given.</summary>
public sealed record CreateAccessEntryRequest(string ClusterName, string PrincipalArn)
{
    public IReadOnlyList<string>? KubernetesGroups { get; init; }

    public string? Username { get; init; }

    /// <summary>STANDARD (default), EC2_LINUX, EC2_WINDOWS, FARGATE_LINUX, EC2, HYBRID_LINUX, HYPERPOD_LINUX.</summary>
    public string? Type { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    public string? ClientRequestToken { get; init; }
}
