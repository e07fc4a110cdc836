using System.Collections.Immutable;

namespace EksAccessMigrator.Core.Fleet;

/// <summary>One cluster of the fleet inventory (<c>fleet.yaml</c>, <c>clusters:</c>).</summary>
public sealed record FleetCluster
{
    /// <summary>The EKS cluster's name; unique in the inventory, it also names the cluster's folder of the run.</summary>
    public required string Name { get; init; }

    public required string Region { get; init; }

    /// <summary>The AWS profile of the base credentials; null for the default chain.</summary>
    public string? Profile { get; init; }

    /// <summary>A role assumed (sts:AssumeRole) with the base credentials first, for clusters in other accounts.</summary>
    public string? RoleArn { get; init; }

    public string? Kubeconfig { get; init; }

    public string? Context { get; init; }

    public ImmutableSortedDictionary<string, string> Tags { get; init; } = ImmutableSortedDictionary<string, string>.Empty.WithComparers(StringComparer.Ordinal);

    public FleetPlanSettings Plan { get; init; } = FleetPlanSettings.None;
}
