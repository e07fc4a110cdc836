namespace EksAccessMigrator.Core.Plans;

/// <summary>EKS AssociateAccessPolicy.</summary>
public sealed record AssociateAccessPolicyChange : PlanChange
{
    public const string ActionName = "AssociateAccessPolicy";

    public override string Action => ActionName;

    public override int Stage => ChangeStages.AccessPolicies;

    public required string PrincipalArn { get; init; }

    public required string PolicyArn { get; init; }

    public required AccessScope AccessScope { get; init; }
}
