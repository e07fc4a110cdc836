using System.Collections.Immutable;
using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Core.Ports;
using EksAccessMigrator.Kubernetes;
using EksAccessMigrator.Manifests.Collectors;

namespace EksAccessMigrator.Live;

/// <summary>
/// The workload-identity reads of a live scan, each its own progress step, run concurrently: the Kubernetes lists
/// (once aws-auth has shown the API server answers; bounded by <see cref="KubernetesAdapterOptions.MaxConcurrency"/>),
/// and through the scan's ports (<see cref="ScanPorts"/>) the add-ons, the Pod Identity associations, the node groups and the Fargate profiles (describes
/// bounded by <see cref="LiveScanSettings.MaxConcurrency"/>). The first failure cancels the sibling reads.
/// </summary>
internal sealed class WorkloadScan(LiveScanSettings settings, ScanPorts ports, ScanSteps steps, CancellationTokenSource siblings)
{
    private static readonly ScanStep[] Steps =
    [
        .. WorkloadKindList.All.Select(k => k.Step),
        ScanStep.Addons, ScanStep.PodIdentityAssociations, ScanStep.Nodegroups, ScanStep.FargateProfiles,
    ];

    public Task<WorkloadScanResult> Start(EksClusterFacts cluster, Func<Task<KubernetesConnection>> connect, IManifestCollector? observer)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        if (!settings.ReadWorkloads)
        {
            foreach (var step in Steps)
            {
                steps.Progress.StepSkipped(step, "workload identity was not asked for");
            }

            return Task.FromResult(WorkloadScanResult.None);
        }

        var ct = siblings.Token;
        var kubernetes = LiveInventoryScanner.Concurrent(siblings, async () =>
        {
            var connection = await connect().ConfigureAwait(false);
            var options = settings.Kubernetes;
            return await LiveWorkloadReader.ReadAsync(connection.CreateReader(), settings.IamRoleKey, options.MaxConcurrency, options.PageSize, steps, observer, ct).ConfigureAwait(false);
        });
        var addons = LiveInventoryScanner.Concurrent(siblings, () => steps.RunAsync(
            ScanStep.Addons, c => AddonReader.ListAsync(ports.PodIdentity, cluster.Name, c), a => a.Count, ct));
        var associations = LiveInventoryScanner.Concurrent(siblings, () => steps.RunAsync(
            ScanStep.PodIdentityAssociations, c => PodIdentityAssociationReader.ReadAsync(ports.PodIdentity, cluster.Name, settings.MaxConcurrency, steps.Progress, c), a => a.Length, ct));
        var nodegroups = LiveInventoryScanner.Concurrent(siblings, () => steps.RunAsync(
            ScanStep.Nodegroups, c => ComputeReader.ReadNodegroupsAsync(ports.Compute, cluster.Name, settings.MaxConcurrency, steps.Progress, c), n => n.Length, ct));
        var fargate = LiveInventoryScanner.Concurrent(siblings, () => steps.RunAsync(
            ScanStep.FargateProfiles, c => ComputeReader.ReadFargateProfilesAsync(ports.Compute, cluster.Name, settings.MaxConcurrency, steps.Progress, c), f => f.Length, ct));
        return JoinAsync(cluster, kubernetes, addons, associations, nodegroups, fargate);
    }

    private static async Task<WorkloadScanResult> JoinAsync(
        EksClusterFacts cluster,
        Task<WorkloadInventory> kubernetes,
        Task<IReadOnlyList<string>> addons,
        Task<ImmutableArray<ExistingPodIdentityAssociation>> associations,
        Task<ImmutableArray<LiveNodegroup>> nodegroups,
        Task<ImmutableArray<FargateProfileDescription>> fargate)
    {
        Task[] all = [kubernetes, addons, associations, nodegroups, fargate];
        try
        {
            await Task.WhenAll(all).ConfigureAwait(false);
        }
        catch (Exception) when (all.Select(t => t.Exception?.InnerException).FirstOrDefault(e => e is not null and not OperationCanceledException) is { } first)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        }

        return new WorkloadScanResult(
            await kubernetes.ConfigureAwait(false),
            cluster.AutoModeEnabled == true,
            [.. await addons.ConfigureAwait(false)],
            await associations.ConfigureAwait(false),
            await nodegroups.ConfigureAwait(false),
            await fargate.ConfigureAwait(false));
    }
}
