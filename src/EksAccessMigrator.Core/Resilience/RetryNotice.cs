using Polly;

namespace EksAccessMigrator.Core.Resilience;

/// <summary>A retry about to happen: the attempt that failed (1 for the first), its outcome and the wait before the next.</summary>
public sealed record RetryNotice<T>(int Attempt, TimeSpan Delay, Outcome<T> Outcome);
