using System.Collections.Immutable;

namespace EksAccessMigrator.Core.Fleet;

/// <summary>
/// Which clusters a run takes: those of its shard, then those any <c>--only</c> selector matches (all when none is
/// given), minus those any <c>--exclude</c> selector matches. The others of the shard are <see cref="Skipped"/>.
/// </summary>
public sealed record FleetSelection(ImmutableArray<FleetCluster> Selected, ImmutableArray<FleetCluster> Skipped, ImmutableArray<string> UnmatchedSelectors)
{
    public static FleetSelection Of(FleetInventory inventory, IReadOnlyList<FleetSelector> only, IReadOnlyList<FleetSelector> exclude, FleetShard shard)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(only);
        ArgumentNullException.ThrowIfNull(exclude);
        ArgumentNullException.ThrowIfNull(shard);

        // A selector that matches no cluster of the whole inventory is a typo; across shards it is not an error.
        var unmatched = only.Concat(exclude).Where(s => !inventory.Clusters.Any(s.Matches)).Select(s => s.Text).Distinct(StringComparer.Ordinal).ToImmutableArray();
        var mine = inventory.Clusters.Where(shard.Contains).ToList();
        var selected = mine.Where(c => (only.Count == 0 || only.Any(s => s.Matches(c))) && !exclude.Any(s => s.Matches(c))).ToImmutableArray();
        var skipped = mine.Where(c => !selected.Contains(c)).ToImmutableArray();
        return new FleetSelection(selected, skipped, unmatched);
    }
}
