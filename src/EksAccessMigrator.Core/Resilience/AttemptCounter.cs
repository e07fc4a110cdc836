namespace EksAccessMigrator.Core.Resilience;

/// <summary>Attempts of one call, counted where the retry step hands over (so a credential refresh is not one).</summary>
internal sealed class AttemptCounter
{
    public int Count { get; set; }
}
