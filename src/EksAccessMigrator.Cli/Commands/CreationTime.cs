using System.Globalization;

namespace EksAccessMigrator.Cli.Commands;

/// <summary>
/// The plan's <c>createdAt</c>, the one field that differs between two plans of the same input: <c>--created-at</c>,
/// else <c>SOURCE_DATE_EPOCH</c> (the reproducible-builds convention), else the clock; whole seconds, UTC.
/// </summary>
public static class CreationTime
{
    public const string EpochVariable = "SOURCE_DATE_EPOCH";

    public static DateTimeOffset Resolve(string? option, string? epoch, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        if (option is not null)
        {
            if (!DateTimeOffset.TryParse(option, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var given) || !option.Contains('T', StringComparison.Ordinal))
            {
                throw new UsageException($"--created-at '{CommandLine.CommandLineCheck.Shorten(option)}' is not an RFC 3339 time such as 2026-12-01T09:00:00Z.");
            }

            return Seconds(given);
        }

        if (!string.IsNullOrWhiteSpace(epoch))
        {
            if (!long.TryParse(epoch, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) || seconds > 253402300799)
            {
                throw new UsageException($"{EpochVariable} '{CommandLine.CommandLineCheck.Shorten(epoch)}' is not a number of seconds since 1970-01-01; unset it or fix it.");
            }

            return DateTimeOffset.FromUnixTimeSeconds(seconds);
        }

        return Seconds(clock.GetUtcNow());
    }

    private static DateTimeOffset Seconds(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }
}
