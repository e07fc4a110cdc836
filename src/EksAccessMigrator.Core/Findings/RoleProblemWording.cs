using EksAccessMigrator.Core.Planning.Workloads;

namespace EksAccessMigrator.Core.Findings;

/// <summary>The words for a <see cref="RoleProblem"/> (rule K3), shared by the workload (K3) and IRSA (R1) findings.</summary>
internal static class RoleProblemWording
{
    public static string Describe(RoleProblem problem) => problem.Kind switch
    {
        RoleProblemKind.Empty => "the role annotation is empty",
        RoleProblemKind.Unrendered => $"the role '{problem.Value}' is an unrendered template or variable",
        RoleProblemKind.BaseUnknown => $"the role '{problem.Value}' is a name, and the base ARN to complete it is unknown: {problem.Detail}",
        RoleProblemKind.NotARoleArn => $"'{problem.Value}' is not an IAM role ARN: {problem.Detail ?? "it names a user"}",
        RoleProblemKind.PathMismatch =>
            $"the IAM data has no role {problem.Asked}, only {problem.Found}: the same name under the path {problem.Found?.Path}. STS was asked for {problem.Asked}, so the workload most likely never got credentials from it, and a role found by its name alone is never associated",
        RoleProblemKind.NotFound => $"the IAM data for account {problem.Asked?.AccountId} has no role named {problem.Asked?.Name}",
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem.Kind, "Unknown role problem."),
    };
}
