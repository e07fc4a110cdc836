namespace EksAccessMigrator.Apply.Tests.Support;

/// <summary>A clock whose wall time the test sets; timers and timestamps are the system's (delays stay short in tests).</summary>
internal sealed class SettableClock(DateTimeOffset now) : TimeProvider
{
    private long _ticks = now.UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);
}
