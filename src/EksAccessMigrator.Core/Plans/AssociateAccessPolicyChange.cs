using System.Text.Json.Serialization;

namespace EksAccessMigrator.Core.Plans;

/// <summary>EKS AssociateAccessPolicy.</summary>
public sealed record AssociateAccessPolicyChange : PlanChange
{
    public const string ActionName = "AssociateAccessPolicy";

    [JsonIgnore]
    public override string Action => ActionName;

    [JsonIgnore]
    public override int Stage => ChangeStages.AccessPolicies;

    public required string PrincipalArn { get; init; }

    public required string PolicyArn { get; init; }

    public required AccessScope AccessScope { get; init; }
}
