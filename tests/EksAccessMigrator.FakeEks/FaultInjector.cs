using EksAccessMigrator.FakeEks.Faults;

namespace EksAccessMigrator.FakeEks;

/// <summary>
/// Injects failures into the next requests. Queued rules are applied in the order they were added; each
/// request takes at most one fault. Everything is bounded (count, delay, random budget) and thread-safe.
/// <paramref name="operation"/> parameters take EKS operation names such as "ListAccessEntries".
/// </summary>
public sealed class FaultInjector
{
    /// <summary>Upper bound for any count.</summary>
    public const int MaxCount = 10_000;

    private static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(5);
    private readonly Lock gate = new();
    private readonly List<FaultRule> rules = [];
    private Random? random;
    private double randomRatio;
    private string? randomOperation;
    private int randomRemaining;
    private int randomStatusCode;
    private int injected;

    /// <summary>How many requests received a fault so far.</summary>
    public int InjectedCount
    {
        get
        {
            lock (gate)
            {
                return injected;
            }
        }
    }

    /// <summary>Answers the next <paramref name="count"/> requests with ThrottlingException (429 as modelled, or 400).</summary>
    public void ThrottleNext(int count, string? operation = null, int statusCode = 429)
    {
        if (statusCode is not (400 or 429))
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), "Throttling uses 400 or 429.");
        }

        Add(new FaultRule(FaultKind.Throttle, CheckCount(count), operation, statusCode, TimeSpan.Zero));
    }

    /// <summary>Answers the next requests with 500 ServerException or 503 ServiceUnavailableException.</summary>
    public void FailNext(int count, int statusCode = 500, string? operation = null)
    {
        if (statusCode is not (500 or 503))
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), "Failures use 500 or 503.");
        }

        Add(new FaultRule(FaultKind.Fail, CheckCount(count), operation, statusCode, TimeSpan.Zero));
    }

    /// <summary>Holds the next requests for <paramref name="delay"/> (at most 5 minutes) before answering normally.</summary>
    public void DelayNext(int count, TimeSpan delay, string? operation = null)
    {
        if (delay <= TimeSpan.Zero || delay > MaxDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), "Delay must be positive and at most 5 minutes.");
        }

        Add(new FaultRule(FaultKind.Delay, CheckCount(count), operation, 0, delay));
    }

    /// <summary>Aborts the connection of the next requests without any response.</summary>
    public void DropNext(int count, string? operation = null) =>
        Add(new FaultRule(FaultKind.Drop, CheckCount(count), operation, 0, TimeSpan.Zero));

    /// <summary>
    /// Throttles a <paramref name="ratio"/> share of requests, chosen by a generator seeded with
    /// <paramref name="seed"/> (same seed and request sequence, same choices), at most <paramref name="maxFaults"/> times.
    /// </summary>
    public void ThrottleRandomly(double ratio, int seed, string? operation = null, int maxFaults = 1000, int statusCode = 429)
    {
        if (ratio is < 0 or > 1 || double.IsNaN(ratio))
        {
            throw new ArgumentOutOfRangeException(nameof(ratio), "Ratio must be between 0 and 1.");
        }

        if (statusCode is not (400 or 429))
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), "Throttling uses 400 or 429.");
        }

        lock (gate)
        {
            random = new Random(seed);
            randomRatio = ratio;
            randomOperation = operation;
            randomRemaining = CheckCount(maxFaults);
            randomStatusCode = statusCode;
        }
    }

    /// <summary>Removes all queued and random faults.</summary>
    public void Reset()
    {
        lock (gate)
        {
            rules.Clear();
            random = null;
            randomRemaining = 0;
        }
    }

    internal FaultAction Next(string operation)
    {
        lock (gate)
        {
            foreach (var rule in rules)
            {
                if (rule.TryTake(operation, out var action))
                {
                    injected++;
                    rules.RemoveAll(r => r.Remaining <= 0);
                    return action;
                }
            }

            if (random is not null && randomRemaining > 0
                && (randomOperation is null || string.Equals(randomOperation, operation, StringComparison.Ordinal))
                && random.NextDouble() < randomRatio)
            {
                randomRemaining--;
                injected++;
                return new FaultAction(FaultKind.Throttle, randomStatusCode, TimeSpan.Zero);
            }

            return FaultAction.None;
        }
    }

    private static int CheckCount(int count) =>
        count is >= 1 and <= MaxCount ? count : throw new ArgumentOutOfRangeException(nameof(count), $"Count must be between 1 and {MaxCount}.");

    private void Add(FaultRule rule)
    {
        lock (gate)
        {
            rules.Add(rule);
        }
    }
}
