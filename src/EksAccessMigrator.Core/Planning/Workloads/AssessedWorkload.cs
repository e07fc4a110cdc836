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

    /// <summary>Prefix of the key of a workload whose role (or whether it was permitted) cannot be known.</summary>
    public const string Unknown = "unknown:";

    public static string RoleKey(IamPrincipalArn role) => "role:" + role.ToString().ToLowerInvariant();
}
