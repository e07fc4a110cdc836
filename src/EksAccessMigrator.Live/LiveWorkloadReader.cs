using EksAccessMigrator.Core.Inventory;
using EksAccessMigrator.Kubernetes;
using EksAccessMigrator.Manifests.Collectors;

namespace EksAccessMigrator.Live;

/// <summary>
/// Lists Namespaces, ServiceAccounts, Pods, the workload kinds, the RBAC bindings and Karpenter's EC2NodeClasses (paged, at most <c>maxConcurrency</c> kinds at a
/// time) and streams every object through the offline <see cref="WorkloadCollector"/>, one object at a time. Each
/// kind has its own collector, so no collector is shared between threads; their small records are joined in a fixed
/// kind order, so the result does not depend on which list finished first.
/// </summary>
internal static class LiveWorkloadReader
{
    /// <param name="observer">Sees every object too (tests); it is called from several threads at once.</param>
    public static async Task<WorkloadInventory> ReadAsync(
        KubernetesClusterReader reader,
        string? roleKey,
        int maxConcurrency,
        int pageSize,
        ScanSteps steps,
        IManifestCollector? observer,
        CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(maxConcurrency);
        using var siblings = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var collectors = WorkloadKindList.All.Select(_ => roleKey is null ? new WorkloadCollector() : new WorkloadCollector(roleKey)).ToList();
        var tasks = WorkloadKindList.All.Select((kind, index) => ReadKindAsync(reader, kind, collectors[index], observer, gate, pageSize, steps, siblings)).ToArray();
        try
        {
            await Task.WhenAll(tasks).ConfigureAwait(false);
        }
        catch (Exception) when (tasks.Select(t => t.Exception?.InnerException).FirstOrDefault(e => e is not null and not OperationCanceledException) is { } first)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        }

        return Join(collectors.Select(c => c.ToInventory([])));
    }

    /// <summary>
    /// The records of every kind, in kind order; the agent counts as running if any kind saw it; the RBAC bindings
    /// stay unknown (null) only when no kind saw one, as offline.
    /// </summary>
    public static WorkloadInventory Join(IEnumerable<WorkloadInventory> parts)
    {
        var list = parts.ToList();
        return new WorkloadInventory
        {
            Namespaces = [.. list.SelectMany(p => p.Namespaces)],
            ServiceAccounts = [.. list.SelectMany(p => p.ServiceAccounts)],
            Workloads = [.. list.SelectMany(p => p.Workloads)],
            Agents = [.. list.SelectMany(p => p.Agents)],
            AnnotatedObjects = [.. list.SelectMany(p => p.AnnotatedObjects)],
            PodIdentityAgentInstalled = list.Any(p => p.PodIdentityAgentInstalled == true) ? true : null,
            RbacBindings = list.Any(p => p.RbacBindings is not null) ? [.. list.SelectMany(p => p.RbacBindings ?? [])] : null,
            NodeClassRoles = [.. list.SelectMany(p => p.NodeClassRoles)],
        };
    }

    private static async Task<int> ReadKindAsync(
        KubernetesClusterReader reader,
        WorkloadKindList kind,
        WorkloadCollector collector,
        IManifestCollector? observer,
        SemaphoreSlim gate,
        int pageSize,
        ScanSteps steps,
        CancellationTokenSource siblings)
    {
        var cancellationToken = siblings.Token;
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            IReadOnlyList<IManifestCollector> targets = observer is null ? [collector] : [collector, observer];
            return await steps.RunAsync(kind.Step, async ct =>
            {
                var count = 0;
                await foreach (var item in kind.List(reader, ct).WithCancellation(ct).ConfigureAwait(false))
                {
                    LiveObjectStream.Visit(item, kind, targets, ct);
                    if (++count % pageSize == 0)
                    {
                        steps.Progress.StepAdvanced(kind.Step, count);
                    }
                }

                return count;
            }, count => count, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            await siblings.CancelAsync().ConfigureAwait(false);
            throw;
        }
        finally
        {
            gate.Release();
        }
    }
}
