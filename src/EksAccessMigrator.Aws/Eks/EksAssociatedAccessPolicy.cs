namespace EksAccessMigrator.Aws.Eks;

/// <summary>An access policy associated with an access entry.</summary>
public sealed record EksAssociatedAccessPolicy(
    string PolicyArn,
    EksAccessScope? AccessScope,
    DateTimeOffset? AssociatedAt,
    DateTimeOffset? ModifiedAt);
