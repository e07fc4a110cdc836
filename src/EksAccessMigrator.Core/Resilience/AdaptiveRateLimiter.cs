namespace EksAccessMigrator.Core.Resilience;

/// <summary>
/// The client-side rate limit of the AWS SDKs' "adaptive" retry mode: no limit until the service throttles; then a
/// token bucket whose rate drops to <see cref="Beta"/> times the rate being sent at (multiplicative decrease) and
/// grows back along a cubic curve (CUBIC congestion control) that returns to that rate after
/// <c>cbrt(rate x (1 - Beta) / ScaleConstant)</c> seconds and probes above it afterwards; never more than twice the
/// measured sending rate, never below <see cref="MinRate"/>. One instance is shared by all calls that draw on one
/// budget (all workers of one client; one account and region for fleet runs). Thread-safe; all time comes from the
/// injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class AdaptiveRateLimiter
{
    /// <summary>How much of the sending rate is kept after a throttling error.</summary>
    public const double Beta = 0.7;

    /// <summary>How fast the cubic curve grows back.</summary>
    public const double ScaleConstant = 0.4;

    /// <summary>Weight of the newest half-second in the measured sending rate.</summary>
    public const double Smoothing = 0.8;

    /// <summary>The lowest rate (requests per second) the limit ever goes down to.</summary>
    public const double MinRate = 0.5;

    private const double BucketSeconds = 0.5;

    private readonly TimeProvider _time;
    private readonly long _origin;
    private readonly Lock _gate = new();
    private bool _enabled;
    private double _rate = MinRate;
    private double _capacity = 1;
    private double _tokens;
    private double _lastRefill;
    private double _measuredRate;
    private double _measureBucket = double.NaN;
    private int _measureCount;
    private double _lastMaxRate;
    private double _lastThrottle;
    private long _throttles;
    private long _waits;
    private long _waitedTicks;

    public AdaptiveRateLimiter(TimeProvider? timeProvider = null)
    {
        _time = timeProvider ?? TimeProvider.System;
        _origin = _time.GetTimestamp();
    }

    /// <summary>The current limit in requests per second, or null while the service has not throttled (no limit).</summary>
    public double? Rate
    {
        get
        {
            lock (_gate)
            {
                return _enabled ? _rate : null;
            }
        }
    }

    /// <summary>Throttling errors recorded.</summary>
    public long Throttles => Interlocked.Read(ref _throttles);

    /// <summary>Admissions that had to wait.</summary>
    public long Waits => Interlocked.Read(ref _waits);

    /// <summary>The time admissions were told to wait, in all.</summary>
    public TimeSpan Waited => TimeSpan.FromTicks(Interlocked.Read(ref _waitedTicks));

    /// <summary>Waits until one request may be sent (at once while there is no limit); returns how long it waited.</summary>
    public async ValueTask<TimeSpan> AcquireAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TimeSpan wait;
        lock (_gate)
        {
            if (!_enabled)
            {
                return TimeSpan.Zero;
            }

            Refill(Now());

            // Take the token now, in debt if need be, and wait until the debt is paid: callers are served in the
            // order they came, at the limit's rate, without waking together and racing for the same token.
            _tokens -= 1;
            if (_tokens >= 0)
            {
                return TimeSpan.Zero;
            }

            wait = TimeSpan.FromSeconds(-_tokens / _rate);
        }

        Interlocked.Increment(ref _waits);
        Interlocked.Add(ref _waitedTicks, wait.Ticks);
        await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        return wait;
    }

    /// <summary>
    /// Tells the limiter how a request it admitted was answered: throttled or not. <paramref name="sentAt"/> (a
    /// timestamp of the limiter's <see cref="TimeProvider"/>, taken when the request was sent) lets a throttle of a
    /// request already in flight when the limit last dropped count once: the drop answered it already, so the limit
    /// falls once per round trip, not once per worker.
    /// </summary>
    public void Record(bool throttled, long? sentAt = null)
    {
        lock (_gate)
        {
            var now = Now();
            Measure(now);
            if (throttled && _enabled && sentAt is { } sent && _time.GetElapsedTime(_origin, sent).TotalSeconds < _lastThrottle)
            {
                Interlocked.Increment(ref _throttles);
                return;
            }

            double target;
            if (throttled)
            {
                Interlocked.Increment(ref _throttles);

                var sending = Sending();
                _lastMaxRate = _enabled ? Math.Min(sending, _rate) : sending;
                _lastThrottle = now;
                if (!_enabled)
                {
                    // The limit starts with one second's worth stored, as a service's own bucket does.
                    _enabled = true;
                    _lastRefill = now;
                    _tokens = Math.Max(_lastMaxRate * Beta, 1);
                }

                target = _lastMaxRate * Beta;
            }
            else
            {
                var recovery = Math.Cbrt(_lastMaxRate * (1 - Beta) / ScaleConstant);
                target = (ScaleConstant * Math.Pow(now - _lastThrottle - recovery, 3)) + _lastMaxRate;
            }

            if (_enabled)
            {
                Refill(now);
                _rate = Math.Max(Math.Min(target, 2 * Sending()), MinRate);
                _capacity = Math.Max(_rate, 1);
                _tokens = Math.Min(_tokens, _capacity);
            }
        }
    }

    /// <summary>A timestamp for <see cref="Record"/>'s <c>sentAt</c>.</summary>
    public long Timestamp() => _time.GetTimestamp();

    private double Now() => _time.GetElapsedTime(_origin).TotalSeconds;

    /// <summary>
    /// The measured sending rate; until a half second is measured, the answers of the current one (the SDKs start
    /// from zero there, which would drop the first limit to the floor).
    /// </summary>
    private double Sending() => Math.Max(_measuredRate, _measureCount / BucketSeconds);

    private void Refill(double now)
    {
        _tokens = Math.Min(_capacity, _tokens + ((now - _lastRefill) * _rate));
        _lastRefill = now;
    }

    /// <summary>The sending rate, measured per half second from the first answer on (the time before it is not idleness) and smoothed.</summary>
    private void Measure(double now)
    {
        _measureCount++;
        var bucket = Math.Floor(now / BucketSeconds) * BucketSeconds;
        if (double.IsNaN(_measureBucket))
        {
            _measureBucket = bucket;
        }
        else if (bucket > _measureBucket)
        {
            var current = _measureCount / (bucket - _measureBucket);
            _measuredRate = (current * Smoothing) + (_measuredRate * (1 - Smoothing));
            _measureCount = 0;
            _measureBucket = bucket;
        }
    }
}
