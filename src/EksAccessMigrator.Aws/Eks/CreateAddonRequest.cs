namespace EksAccessMigrator.Aws.Eks;

/// <summary>Input of CreateAddon (e.g. eks-pod-identity-agent).</summary>
public sealed record CreateAddonRequest(string ClusterName, string AddonName)
{
    public string? AddonVersion { get; init; }

    public string? ServiceAccountRoleArn { get; init; }

    /// <summary>NONE, OVERWRITE or PRESERVE.</summary>
    public string? ResolveConflicts { get; init; }

    public string? ConfigurationValues { get; init; }

    public IReadOnlyList<EksAddonPodIdentity>? PodIdentityAssociations { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    public string? ClientRequestToken { get; init; }
}
