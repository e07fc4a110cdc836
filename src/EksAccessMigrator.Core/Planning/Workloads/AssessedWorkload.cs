using EksAccessMigrator.Core.Arns;
using EksAccessMigrator.Core.Inventory;

namespace EksAccessMigrator.Core.Planning.Workloads;

/// <summary>
/// What one workload had before the migration: <see cref="HadKey"/> compares roles for rule K5 (two workloads
/// "had exactly that role" when their keys are equal; an unknowable role never equals anything).
/// </summary>
internal sealed record AssessedWorkload(WorkloadInfo Workload, string HadKey, IamPrincipalArn? Role, bool Migratable, string? AnnotationValue)
{
    public const string NoRole = "none";

    public static string RoleKey(IamPrincipalArn role) => "role:" + role.ToString().ToLowerInvariant();
}
