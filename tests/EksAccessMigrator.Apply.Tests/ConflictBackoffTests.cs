using EksAccessMigrator.Apply.Handlers;
using EksAccessMigrator.Apply.Tests.Support;

namespace EksAccessMigrator.Apply.Tests;

public sealed class ConflictBackoffTests
{
    [Fact]
    public void Delays_DoubleWithJitter_UpToTheCap_AndStopWhenTheBudgetIsSpent()
    {
        var clock = new SteppedClock();
        var backoff = new ConflictBackoff(clock, TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(2), new Random(7));
        var delays = new List<TimeSpan>();
        while (backoff.Next() is { } delay)
        {
            delays.Add(delay);
            clock.Advance(delay);
            Assert.True(delays.Count < 100, "the budget never ended");
        }

        var window = TimeSpan.FromMilliseconds(100);
        foreach (var delay in delays.Take(delays.Count - 1))
        {
            Assert.InRange(delay, window / 2, window);
            window = window * 2 > TimeSpan.FromSeconds(2) ? TimeSpan.FromSeconds(2) : window * 2;
        }

        Assert.Equal(TimeSpan.FromSeconds(10), clock.Elapsed);
        Assert.True(delays.Distinct().Count() > delays.Count / 2, "no jitter");
    }

    /// <summary>Timestamps the test moves by hand.</summary>
    private sealed class SteppedClock : TimeProvider
    {
        private long _ticks;

        public TimeSpan Elapsed => TimeSpan.FromTicks(_ticks);

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }
}
