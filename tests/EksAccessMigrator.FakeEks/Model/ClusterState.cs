namespace EksAccessMigrator.FakeEks.Model;

/// <summary>Mutable state of one fake cluster; only touched under <see cref="FakeEksState"/>'s lock.</summary>
internal sealed class ClusterState(string name, string accountId, string region, string authenticationMode, DateTimeOffset createdAt)
{
    public string Name { get; } = name;

    public string AccountId { get; } = accountId;

    public string Region { get; } = region;

    public string Arn => $"arn:aws:eks:{Region}:{AccountId}:cluster/{Name}";

    public string AuthenticationMode { get; set; } = authenticationMode;

    public bool AccessEntriesEnabled => !string.Equals(AuthenticationMode, "CONFIG_MAP", StringComparison.Ordinal);

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public string Version { get; set; } = "1.31";

    public string? CreatorArn { get; set; }

    public bool BootstrapClusterCreatorAdminPermissions { get; set; }

    public string? PendingUpdateId { get; set; }

    public SortedDictionary<string, AccessEntryState> AccessEntries { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, PodIdentityState> PodIdentityAssociations { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, NodegroupState> Nodegroups { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, FargateProfileState> FargateProfiles { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, AddonState> Addons { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, UpdateState> Updates { get; } = new(StringComparer.Ordinal);
}
