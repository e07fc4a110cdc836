using System.Text.Json.Serialization;

namespace EksAccessMigrator.Core.Plans;

/// <summary>EKS CreatePodIdentityAssociation: pods running as this ServiceAccount get this role (rules K5, R1).</summary>
public sealed record CreatePodIdentityAssociationChange : PlanChange
{
    public const string ActionName = "CreatePodIdentityAssociation";

    [JsonIgnore]
    public override string Action => ActionName;

    [JsonIgnore]
    public override int Stage => ChangeStages.PodIdentityAssociations;

    public required string Namespace { get; init; }

    public required string ServiceAccount { get; init; }

    public required string RoleArn { get; init; }
}
