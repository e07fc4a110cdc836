namespace EksAccessMigrator.Core.Inventory;

/// <summary>
/// The one shape of both scanners (<c>Manifests/OfflineInventoryScanner</c> over exported files,
/// <c>Live/LiveInventoryScanner</c> over the cluster and account): built from its settings, it scans once and returns
/// the same kind of <see cref="ClusterInventory"/>. Expected problems are thrown as the adapter's I/O or input
/// exceptions; findings are the planner's.
/// </summary>
/// <typeparam name="TScan">The scanner's result: the inventory and the scanner's own report.</typeparam>
public interface IInventoryScanner<TScan>
    where TScan : IInventoryScan
{
    Task<TScan> ScanAsync(CancellationToken cancellationToken);
}
