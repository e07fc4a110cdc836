using Polly;

namespace EksAccessMigrator.Core.Resilience;

/// <summary>The last attempt's outcome and how many attempts were made (a credential refresh is not one).</summary>
public sealed record RetryResult<T>(Outcome<T> Outcome, int Attempts);
