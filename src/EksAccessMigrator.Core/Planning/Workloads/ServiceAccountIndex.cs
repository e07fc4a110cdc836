using EksAccessMigrator.Core.Inventory;

namespace EksAccessMigrator.Core.Planning.Workloads;

/// <summary>
/// The inputs' ServiceAccounts by namespace and name, built once per plan: the planner looks one up for every
/// association it plans, and a search of the whole list each time made the plan quadratic in ServiceAccounts.
/// When the inputs hold one twice (two files), the last read is the one taken, as before.
/// </summary>
internal sealed class ServiceAccountIndex
{
    private readonly Dictionary<(string Namespace, string Name), ServiceAccountInfo> _byName = [];

    public ServiceAccountIndex(ClusterInventory inventory)
    {
        foreach (var account in inventory.Workloads.ServiceAccounts)
        {
            _byName[(account.Namespace, account.Name)] = account;
        }
    }

    /// <summary>The ServiceAccount, when it was in the inputs.</summary>
    public ServiceAccountInfo? Find(string ns, string name) => _byName.GetValueOrDefault((ns, name));

    /// <summary>Whether <paramref name="ns"/>/<paramref name="name"/> exists and is this tool's dedicated ServiceAccount for <paramref name="workloadKey"/>.</summary>
    public bool IsOwnedFor(string ns, string name, string workloadKey) =>
        Find(ns, name) is { } account && Plans.OwnershipMarkers.IsDedicatedServiceAccountFor(account.Labels, account.Annotations, workloadKey);
}
