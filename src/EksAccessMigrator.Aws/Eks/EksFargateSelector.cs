namespace EksAccessMigrator.Aws.Eks;

/// <summary>A Fargate profile selector.</summary>
public sealed record EksFargateSelector(string? Namespace, IReadOnlyDictionary<string, string>? Labels);
