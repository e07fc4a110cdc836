namespace EksAccessMigrator.FakeEks.Model;

/// <summary>One access entry and its policy associations.</summary>
internal sealed class AccessEntryState(string principalArn, string type, string arn, DateTimeOffset createdAt)
{
    public string PrincipalArn { get; } = principalArn;

    public string Type { get; } = type;

    public string Arn { get; } = arn;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset ModifiedAt { get; set; } = createdAt;

    public string Username { get; set; } = string.Empty;

    public List<string> KubernetesGroups { get; set; } = [];

    public SortedDictionary<string, string> Tags { get; set; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, PolicyAssociationState> Policies { get; } = new(StringComparer.Ordinal);
}
