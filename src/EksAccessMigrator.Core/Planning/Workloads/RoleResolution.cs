using EksAccessMigrator.Core.Arns;

namespace EksAccessMigrator.Core.Planning.Workloads;

/// <summary>The role an annotation names (rule K3), or the finding code and reason why it cannot be known.</summary>
internal sealed record RoleResolution(IamPrincipalArn? Arn, string? Code, string? Problem)
{
    public static RoleResolution Of(IamPrincipalArn arn) => new(arn, null, null);

    public static RoleResolution Fail(string code, string problem) => new(null, code, problem);
}
