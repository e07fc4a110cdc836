namespace EksAccessMigrator.Kubernetes.Tests;

/// <summary>A clock whose wall time is fixed; timers and elapsed time still use the system's.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
