namespace EksAccessMigrator.Core.Resilience;

/// <summary>
/// Attempts of one call, counted where the retry step hands over (so a credential refresh is not one), and the time
/// they queued for admission by the rate limit (which is not retry time: the budget does not count it).
/// </summary>
internal sealed class AttemptCounter
{
    public int Count { get; set; }

    public TimeSpan Admission { get; set; }
}
