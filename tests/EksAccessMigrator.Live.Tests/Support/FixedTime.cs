namespace EksAccessMigrator.Live.Tests.Support;

/// <summary>A clock that always reads the same instant (the fake EKS stamps createdAt with it).</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
