namespace EksAccessMigrator.FakeEks.Model;

/// <summary>One EKS Pod Identity association.</summary>
internal sealed class PodIdentityState(string id, string arn, string @namespace, string serviceAccount, DateTimeOffset createdAt)
{
    public string Id { get; } = id;

    public string Arn { get; } = arn;

    public string Namespace { get; } = @namespace;

    public string ServiceAccount { get; } = serviceAccount;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public DateTimeOffset ModifiedAt { get; set; } = createdAt;

    public string RoleArn { get; set; } = string.Empty;

    public string? TargetRoleArn { get; set; }

    public string? ExternalId { get; set; }

    public bool DisableSessionTags { get; set; }

    public string? Policy { get; set; }

    public string? OwnerArn { get; set; }

    public SortedDictionary<string, string> Tags { get; set; } = new(StringComparer.Ordinal);
}
