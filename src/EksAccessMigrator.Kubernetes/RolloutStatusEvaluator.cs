using k8s.Models;

namespace EksAccessMigrator.Kubernetes;

/// <summary>Decides whether a rollout is finished, with the rules <c>kubectl rollout status</c> uses.</summary>
internal static class RolloutStatusEvaluator
{
    public static RolloutStatus Evaluate(V1Deployment d)
    {
        var status = d.Status ?? new V1DeploymentStatus();
        if (d.Metadata?.Generation > (status.ObservedGeneration ?? 0))
        {
            return RolloutStatus.Waiting("waiting for the deployment spec update to be observed");
        }

        if (status.Conditions?.FirstOrDefault(c => c.Type == "Progressing") is { Reason: "ProgressDeadlineExceeded" })
        {
            return new RolloutStatus(RolloutOutcome.Failed, "the deployment exceeded its progress deadline");
        }

        var desired = d.Spec?.Replicas ?? 1;
        var updated = status.UpdatedReplicas ?? 0;
        if (updated < desired)
        {
            return RolloutStatus.Waiting($"{updated} of {desired} new replicas updated");
        }

        if ((status.Replicas ?? 0) > updated)
        {
            return RolloutStatus.Waiting($"{status.Replicas - updated} old replicas pending termination");
        }

        if ((status.AvailableReplicas ?? 0) < updated)
        {
            return RolloutStatus.Waiting($"{status.AvailableReplicas ?? 0} of {updated} updated replicas available");
        }

        return RolloutStatus.Done("successfully rolled out");
    }

    public static RolloutStatus Evaluate(V1StatefulSet s)
    {
        var strategy = s.Spec?.UpdateStrategy;
        if (strategy?.Type is { } type && type != "RollingUpdate")
        {
            return new RolloutStatus(RolloutOutcome.Untracked, $"update strategy {type}: pods take the new template only when deleted");
        }

        var status = s.Status ?? new V1StatefulSetStatus();
        if ((status.ObservedGeneration ?? 0) == 0 || s.Metadata?.Generation > status.ObservedGeneration)
        {
            return RolloutStatus.Waiting("waiting for the statefulset spec update to be observed");
        }

        var desired = s.Spec?.Replicas ?? 1;
        if ((status.ReadyReplicas ?? 0) < desired)
        {
            return RolloutStatus.Waiting($"{desired - (status.ReadyReplicas ?? 0)} pods not ready");
        }

        if (strategy?.RollingUpdate?.Partition is > 0 and var partition)
        {
            return (status.UpdatedReplicas ?? 0) < desired - partition
                ? RolloutStatus.Waiting($"partitioned rollout: {status.UpdatedReplicas ?? 0} of {desired - partition} updated")
                : RolloutStatus.Done($"partitioned rollout complete: {status.UpdatedReplicas ?? 0} updated");
        }

        if (status.UpdateRevision != status.CurrentRevision)
        {
            return RolloutStatus.Waiting($"rolling update in progress ({status.UpdatedReplicas ?? 0} pods at revision {status.UpdateRevision})");
        }

        return RolloutStatus.Done("successfully rolled out");
    }

    public static RolloutStatus Evaluate(V1DaemonSet d)
    {
        if (d.Spec?.UpdateStrategy?.Type is { } type && type != "RollingUpdate")
        {
            return new RolloutStatus(RolloutOutcome.Untracked, $"update strategy {type}: pods take the new template only when deleted");
        }

        var status = d.Status ?? new V1DaemonSetStatus();
        if (d.Metadata?.Generation > (status.ObservedGeneration ?? 0))
        {
            return RolloutStatus.Waiting("waiting for the daemonset spec update to be observed");
        }

        if ((status.UpdatedNumberScheduled ?? 0) < status.DesiredNumberScheduled)
        {
            return RolloutStatus.Waiting($"{status.UpdatedNumberScheduled ?? 0} of {status.DesiredNumberScheduled} updated pods scheduled");
        }

        if ((status.NumberAvailable ?? 0) < status.DesiredNumberScheduled)
        {
            return RolloutStatus.Waiting($"{status.NumberAvailable ?? 0} of {status.DesiredNumberScheduled} updated pods available");
        }

        return RolloutStatus.Done("successfully rolled out");
    }

    public static RolloutStatus Evaluate(V1ReplicaSet r)
    {
        var status = r.Status ?? new V1ReplicaSetStatus();
        if (r.Metadata?.Generation > (status.ObservedGeneration ?? 0))
        {
            return RolloutStatus.Waiting("waiting for the replicaset spec update to be observed");
        }

        var desired = r.Spec?.Replicas ?? 1;
        return (status.AvailableReplicas ?? 0) < desired
            ? RolloutStatus.Waiting($"{status.AvailableReplicas ?? 0} of {desired} replicas available")
            : RolloutStatus.Done("all replicas available");
    }
}
