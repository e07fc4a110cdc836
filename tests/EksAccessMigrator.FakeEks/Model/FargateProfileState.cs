namespace EksAccessMigrator.FakeEks.Model;

/// <summary>A Fargate profile (seeded; read-only through the API).</summary>
internal sealed class FargateProfileState(string name, string arn, string podExecutionRoleArn, IReadOnlyList<FargateSelector> selectors, DateTimeOffset createdAt)
{
    public string Name { get; } = name;

    public string Arn { get; } = arn;

    public string PodExecutionRoleArn { get; } = podExecutionRoleArn;

    public IReadOnlyList<FargateSelector> Selectors { get; } = selectors;

    public DateTimeOffset CreatedAt { get; } = createdAt;
}
