namespace EksAccessMigrator.FakeEks;

/// <summary>A Fargate profile selector used when seeding: a namespace and optional pod labels.</summary>
public sealed record FargateSelector(string Namespace, IReadOnlyDictionary<string, string>? Labels = null);
