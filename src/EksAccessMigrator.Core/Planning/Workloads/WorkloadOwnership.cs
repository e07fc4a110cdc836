using EksAccessMigrator.Core.Findings;
using EksAccessMigrator.Core.Inventory;

namespace EksAccessMigrator.Core.Planning.Workloads;

/// <summary>
/// Rule K2: a ReplicaSet owned by a Deployment, a Job owned by a CronJob and a Pod with a controller owner count
/// for their owner, not twice. An owned object whose owner is not in the inputs cannot be planned
/// (<c>workload-owner-missing</c>, rule W3), since patching it would be undone by its owner.
/// </summary>
internal static class WorkloadOwnership
{
    public static List<WorkloadInfo> Planned(IEnumerable<WorkloadInfo> all, string roleKey, FindingList findings, List<string> read)
    {
        var list = all.ToList();
        var present = list.Select(w => (w.Kind, w.Namespace, w.Name)).ToHashSet();
        var planned = new List<WorkloadInfo>();
        var ownerMissing = new List<WorkloadInfo>();
        foreach (var w in list)
        {
            if (w.ControllerKind is null || !Owned(w))
            {
                planned.Add(w);
            }
            else if (!OwnerPresent(w, present) && w.PodAnnotations.ContainsKey(roleKey))
            {
                ownerMissing.Add(w);
            }
        }

        // Sorted after the owned ones are set aside (most of an export's objects are Pods counted for their owner).
        foreach (var w in ownerMissing.OrderBy(w => w.Key, StringComparer.Ordinal))
        {
            read.Add(w.Key);
            findings.Add(ProjectFindings.ControllerNotInInputs(w.Key, w.ControllerKind, w.ControllerName));
        }

        return [.. planned.OrderBy(w => w.Key, StringComparer.Ordinal)];
    }

    private static bool Owned(WorkloadInfo w) => w.Kind switch
    {
        "ReplicaSet" => w.ControllerKind == "Deployment",
        "Job" => w.ControllerKind == "CronJob",
        "Pod" => true,
        _ => false,
    };

    private static bool OwnerPresent(WorkloadInfo w, HashSet<(string Kind, string Namespace, string Name)> present)
    {
        if (present.Contains((w.ControllerKind!, w.Namespace, w.ControllerName ?? string.Empty)))
        {
            return true;
        }

        // A Pod's ReplicaSet or a Job's run may be left out of an export; their generated names start with the owner's
        // name and a '-'. Each such prefix is looked up (not every workload scanned: that was quadratic in pods).
        var grandOwnerKind = w.ControllerKind switch
        {
            "ReplicaSet" => "Deployment",
            "Job" => "CronJob",
            _ => null,
        };
        if (grandOwnerKind is null || w.ControllerName is not { } name)
        {
            return false;
        }

        for (var dash = name.IndexOf('-', StringComparison.Ordinal); dash >= 0; dash = name.IndexOf('-', dash + 1))
        {
            if (present.Contains((grandOwnerKind, w.Namespace, name[..dash])))
            {
                return true;
            }
        }

        return false;
    }
}
