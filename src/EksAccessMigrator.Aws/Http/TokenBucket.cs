namespace EksAccessMigrator.Aws.Http;

/// <summary>Client-side rate limiter: <c>rate</c> tokens per second, at most <c>burst</c> stored.</summary>
public sealed class TokenBucket
{
    private readonly double _rate;
    private readonly int _burst;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private double _tokens;
    private long _lastTimestamp;
    private long _waits;

    public TokenBucket(double requestsPerSecond, int burst, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requestsPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        _rate = requestsPerSecond;
        _burst = burst;
        _time = timeProvider ?? TimeProvider.System;
        _tokens = burst;
        _lastTimestamp = _time.GetTimestamp();
    }

    /// <summary>How many acquisitions had to wait for a token.</summary>
    public long WaitCount => Interlocked.Read(ref _waits);

    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        var waited = false;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TimeSpan wait;
            lock (_gate)
            {
                var now = _time.GetTimestamp();
                _tokens = Math.Min(_burst, _tokens + (_time.GetElapsedTime(_lastTimestamp, now).TotalSeconds * _rate));
                _lastTimestamp = now;
                if (_tokens >= 1)
                {
                    _tokens -= 1;
                    return;
                }

                wait = TimeSpan.FromSeconds((1 - _tokens) / _rate);
            }

            if (!waited)
            {
                waited = true;
                Interlocked.Increment(ref _waits);
            }

            await Task.Delay(wait, _time, cancellationToken);
        }
    }
}
