using EksAccessMigrator.Cli.Commands;
using EksAccessMigrator.Core.Fleet;
using EksAccessMigrator.Manifests.Fleet;

namespace EksAccessMigrator.Cli.Fleet;

/// <summary>
/// The checked command line of a fleet command: every option and the inventory are checked before anything is
/// read from a cluster or written (a bad inventory: exit 1, nothing written).
/// </summary>
internal sealed record FleetSetup(FleetInventory Inventory, FleetSelection Selection, FleetShard Shard, FleetFolder Folder, bool Json, int Parallel)
{
    public const int MaxParallel = 64;

    /// <param name="planning">fleet plan creates the run's folder; apply and verify need the one fleet plan wrote.</param>
    public static FleetSetup Check(FleetOptions fleet, bool planning)
    {
        ArgumentNullException.ThrowIfNull(fleet);
        var json = OutputFormats.Parse(fleet.Format, allowMarkdown: false) == OutputFormat.Json;
        if (fleet.Inventory is null)
        {
            throw new UsageException("give --inventory FILE: the fleet.yaml listing the clusters (clusters: with name and region).");
        }

        if (fleet.Out is null)
        {
            throw new UsageException("give --out DIR: the run's folder (DIR/<cluster>/ holds each cluster's plan, journal and report).");
        }

        if (fleet.Parallel is < 1 or > MaxParallel)
        {
            throw new UsageException($"--parallel {fleet.Parallel} is out of range; use 1 to {MaxParallel}.");
        }

        var shard = FleetShard.All;
        if (fleet.Shard is not null)
        {
            shard = FleetShard.TryParse(fleet.Shard, out var problem) ?? throw new UsageException(problem!);
        }

        var only = Selectors(fleet.Only, "--only");
        var exclude = Selectors(fleet.Exclude, "--exclude");
        var inventory = FleetInventoryReader.Read(fleet.Inventory);
        var selection = FleetSelection.Of(inventory, only, exclude, shard);
        if (!selection.UnmatchedSelectors.IsEmpty)
        {
            throw new UsageException($"{string.Join(", ", selection.UnmatchedSelectors.Select(s => $"'{s}'"))} matches no cluster of {fleet.Inventory}; give a cluster name or tag=value of the inventory. Nothing was run.");
        }

        var folder = new FleetFolder(fleet.Out);
        if (File.Exists(folder.Root))
        {
            throw new UsageException($"--out {fleet.Out} is a file; it must be a folder (DIR/<cluster>/ holds each cluster's files).");
        }

        if (!planning && !Directory.Exists(folder.Root))
        {
            throw new UsageException($"--out {fleet.Out} does not exist: run 'fleet plan --inventory {fleet.Inventory} --out {fleet.Out}' first and review its plans. Nothing was run.");
        }

        return new FleetSetup(inventory, selection, shard, folder, json, fleet.Parallel);
    }

    private static List<FleetSelector> Selectors(string[] values, string option)
    {
        var selectors = new List<FleetSelector>();
        foreach (var value in values)
        {
            if (string.IsNullOrWhiteSpace(value) || value.Trim() == "=" || value.Trim().StartsWith('='))
            {
                throw new UsageException($"{option} '{value}' is neither a cluster name nor tag=value.");
            }

            selectors.Add(FleetSelector.Parse(value));
        }

        return selectors;
    }
}
