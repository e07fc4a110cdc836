using EksAccessMigrator.Core.Inventory;

namespace EksAccessMigrator.Manifests;

/// <summary>A finished offline scan: the planner's inventory, and what was read to build it.</summary>
/// <param name="Inventory">The inventory, with the facts the command line gave (OIDC issuer, role annotation, caller).</param>
/// <param name="Files">Input files read (manifests, IAM snapshots and access-entry exports found under <c>--from</c>).</param>
/// <param name="Objects">Kubernetes objects streamed past the collectors.</param>
/// <param name="Skipped">Paths under a <c>--from</c> folder that were not read, and why.</param>
public sealed record OfflineScanResult(ClusterInventory Inventory, int Files, int Objects, IReadOnlyList<SkippedInput> Skipped) : IInventoryScan;
