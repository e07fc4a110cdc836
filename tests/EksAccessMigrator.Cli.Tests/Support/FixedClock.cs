namespace EksAccessMigrator.Cli.Tests.Support;

/// <summary>A clock that always says the same time, so plans are byte-for-byte reproducible.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public static FixedClock Default { get; } = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => now;
}
