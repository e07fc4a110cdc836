using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;

namespace EksAccessMigrator.Core.Planning.Workloads;

/// <summary>
/// What the agents really give each annotated workload today, as the planner judges it (rules K2-K4, K10, W4): the
/// role, none (hostNetwork, not permitted, IRSA wins), or unknown (the inputs cannot tell). For <c>scan</c>, which
/// must not list as given a role the agent never handed out.
/// </summary>
internal static class RolesGivenToday
{
    /// <summary>The role each counted workload gets today, by workload key; <c>null</c> when the agent gives it none.</summary>
    public static Dictionary<string, (string? Role, bool Known)> Of(ClusterInventory inventory, WorkloadIdentityOptions options)
    {
        var scratch = new FindingList();
        var read = new List<string>();
        var config = IdentityConfigurationReader.Read(inventory.Workloads, options, inventory.Cluster, scratch);
        var planned = WorkloadOwnership.Planned(inventory.Workloads.Workloads, config.RoleKey, scratch, read);
        return new WorkloadAssessor(inventory, config, new ServiceAccountIndex(inventory), scratch, read).Assess(planned)
            .Where(a => a.AnnotationValue is not null)
            .GroupBy(a => a.Workload.Key, StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.First() switch
                {
                    { HadKey: var key, Role: { } role } when key.StartsWith("role:", StringComparison.Ordinal) => ((string?)role.ToString(), true),
                    { HadKey: var key } when key.StartsWith(AssessedWorkload.Unknown, StringComparison.Ordinal) => (null, false),
                    _ => (null, true),
                },
                StringComparer.Ordinal);
    }
}
