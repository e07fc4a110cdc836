using System.Collections.Immutable;

namespace EksAccessMigrator.Core.Inventory;

/// <summary>A Fargate profile: pods its selectors match run on Fargate, where Pod Identity does not work (rules K9, R4).</summary>
public sealed record FargateProfileInfo(string Name, ImmutableArray<FargateSelectorInfo> Selectors)
{
    public bool Matches(string podNamespace, IReadOnlyDictionary<string, string> podLabels) =>
        Selectors.Any(s => s.Matches(podNamespace, podLabels));
}
