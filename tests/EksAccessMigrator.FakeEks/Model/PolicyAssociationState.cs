namespace EksAccessMigrator.FakeEks.Model;

/// <summary>An access policy associated with an access entry, with its scope.</summary>
internal sealed class PolicyAssociationState(string policyArn, DateTimeOffset associatedAt)
{
    public string PolicyArn { get; } = policyArn;

    public DateTimeOffset AssociatedAt { get; } = associatedAt;

    public DateTimeOffset ModifiedAt { get; set; } = associatedAt;

    public string ScopeType { get; set; } = "cluster";

    public List<string> Namespaces { get; set; } = [];
}
