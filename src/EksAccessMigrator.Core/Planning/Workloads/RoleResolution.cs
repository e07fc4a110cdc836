using EksAccessMigrator.Core.Arns;

namespace EksAccessMigrator.Core.Planning.Workloads;

/// <summary>The role an annotation names (rule K3), or the problem why it cannot be known.</summary>
internal sealed record RoleResolution(IamPrincipalArn? Arn, RoleProblem? Problem)
{
    public static RoleResolution Of(IamPrincipalArn arn) => new(arn, null);

    public static RoleResolution Fail(RoleProblem problem) => new(null, problem);
}
