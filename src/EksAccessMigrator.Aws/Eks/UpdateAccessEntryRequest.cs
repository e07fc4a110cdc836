namespace EksAccessMigrator.Aws.Eks;

/// <summary>Input of UpdateAccessEntry.</summary>
public sealed record UpdateAccessEntryRequest(string ClusterName, string PrincipalArn)
{
    public IReadOnlyList<string>? KubernetesGroups { get; init; }

    public string? Username { get; init; }

    public string? ClientRequestToken { get; init; }
}
