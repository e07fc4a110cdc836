using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace EksAccessMigrator.Core.Plans;

/// <summary>EKS CreateAccessEntry.</summary>
public sealed record CreateAccessEntryChange : PlanChange
{
    public const string ActionName = "CreateAccessEntry";

    [JsonIgnore]
    public override string Action => ActionName;

    [JsonIgnore]
    public override int Stage => ChangeStages.AccessEntries;

    public required string PrincipalArn { get; init; }

    public required Planning.AccessEntryType Type { get; init; }

    /// <summary>Null: EKS generates one (rule A5) or the type carries none (rule A2).</summary>
    public string? Username { get; init; }

    public required ImmutableArray<string> KubernetesGroups { get; init; }
}
