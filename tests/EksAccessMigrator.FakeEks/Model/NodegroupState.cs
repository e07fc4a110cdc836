namespace EksAccessMigrator.FakeEks.Model;

/// <summary>A managed node group (seeded; read-only through the API).</summary>
internal sealed class NodegroupState(string name, string arn, string nodeRole, string amiType, DateTimeOffset createdAt)
{
    public string Name { get; } = name;

    public string Arn { get; } = arn;

    public string NodeRole { get; } = nodeRole;

    public string AmiType { get; } = amiType;

    public DateTimeOffset CreatedAt { get; } = createdAt;

    public bool IsWindows => AmiType.StartsWith("WINDOWS", StringComparison.Ordinal);
}
