using System.Collections.Immutable;
using EksAccessMigrator.Core.Inventory;

namespace EksAccessMigrator.Core.Ports;

/// <summary>
/// A Fargate profile as DescribeFargateProfile reports it (with its pod execution role and status, for the scan's
/// callers); the planner's form is <see cref="FargateProfileInfo"/>, which owns the matching (rules K9, R4).
/// </summary>
/// <param name="Name">Its name.</param>
/// <param name="PodExecutionRoleArn">The pod execution role.</param>
/// <param name="Status">ACTIVE, CREATING, ...</param>
/// <param name="Selectors">Its selectors (namespace and labels).</param>
public sealed record FargateProfileDescription(string Name, string? PodExecutionRoleArn, string? Status, ImmutableArray<FargateSelectorInfo> Selectors)
{
    /// <summary>Whether a pod in <paramref name="podNamespace"/> with <paramref name="podLabels"/> matches any selector.</summary>
    public bool Matches(string podNamespace, IReadOnlyDictionary<string, string> podLabels) =>
        ToInfo().Matches(podNamespace, podLabels);

    /// <summary>The planner's form of this profile.</summary>
    public FargateProfileInfo ToInfo() => new(Name, Selectors);
}
