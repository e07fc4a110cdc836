namespace EksAccessMigrator.FakeEks;

/// <summary>The server's request quota: a token bucket of <c>rate</c> per second holding one second's worth; a request finding it empty is throttled.</summary>
internal sealed class ServerRateLimit(double rate, TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly long started = time.GetTimestamp();
    private double tokens = Math.Max(1, rate);
    private double last;
    private int throttled;

    /// <summary>How many requests were throttled.</summary>
    public int Throttled
    {
        get
        {
            lock (gate)
            {
                return throttled;
            }
        }
    }

    public bool TryTake()
    {
        lock (gate)
        {
            var now = time.GetElapsedTime(started).TotalSeconds;
            tokens = Math.Min(Math.Max(1, rate), tokens + ((now - last) * rate));
            last = now;
            if (tokens >= 1)
            {
                tokens -= 1;
                return true;
            }

            throttled++;
            return false;
        }
    }
}
