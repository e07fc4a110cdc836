namespace EksAccessMigrator.FakeEks.Model;

/// <summary>An installed EKS add-on.</summary>
internal sealed class AddonState(string name, string arn, string version, DateTimeOffset createdAt)
{
    public string Name { get; } = name;

    public string Arn { get; } = arn;

    public string Version { get; } = version;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public string? ServiceAccountRoleArn { get; set; }

    public string? ConfigurationValues { get; set; }

    public List<string> PodIdentityAssociationArns { get; } = [];

    public SortedDictionary<string, string> Tags { get; set; } = new(StringComparer.Ordinal);
}
