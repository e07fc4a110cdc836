using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace EksAccessMigrator.Core.Plans;

/// <summary>EKS UpdateAccessEntry (rule A9), with the values before the change for review and rollback.</summary>
public sealed record UpdateAccessEntryChange : PlanChange
{
    public const string ActionName = "UpdateAccessEntry";

    [JsonIgnore]
    public override string Action => ActionName;

    [JsonIgnore]
    public override int Stage => ChangeStages.AccessEntries;

    public required string PrincipalArn { get; init; }

    public string? Username { get; init; }

    public required ImmutableArray<string> KubernetesGroups { get; init; }

    public string? PreviousUsername { get; init; }

    public required ImmutableArray<string> PreviousKubernetesGroups { get; init; }
}
