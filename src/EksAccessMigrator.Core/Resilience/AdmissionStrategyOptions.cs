using Polly;

namespace EksAccessMigrator.Core.Resilience;

/// <summary>Options of <see cref="AdmissionStrategy"/> (none: Polly asks every strategy for an options object).</summary>
internal sealed class AdmissionStrategyOptions : ResilienceStrategyOptions
{
    public AdmissionStrategyOptions() => Name = "admission";
}
