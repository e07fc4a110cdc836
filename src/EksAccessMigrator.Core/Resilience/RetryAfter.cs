using System.Globalization;

namespace EksAccessMigrator.Core.Resilience;

/// <summary>The HTTP Retry-After header, read the same way for every service.</summary>
public static class RetryAfter
{
    /// <summary>Seconds, or an HTTP date measured from <paramref name="now"/> (the caller's clock; a past date is zero); null when absent or unreadable.</summary>
    public static TimeSpan? Parse(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
            ? (when - now) is var gap && gap > TimeSpan.Zero ? gap : TimeSpan.Zero
            : null;
    }
}
