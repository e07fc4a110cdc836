namespace EksAccessMigrator.Kubernetes;

/// <summary>Workload kinds whose pod template the writer can change.</summary>
public enum WorkloadKind
{
    /// <summary>apps/v1 Deployment.</summary>
    Deployment,

    /// <summary>apps/v1 StatefulSet.</summary>
    StatefulSet,

    /// <summary>apps/v1 DaemonSet.</summary>
    DaemonSet,

    /// <summary>apps/v1 ReplicaSet.</summary>
    ReplicaSet,

    /// <summary>batch/v1 Job (its pod template is immutable; the server refuses changes).</summary>
    Job,

    /// <summary>batch/v1 CronJob (template at spec.jobTemplate.spec.template).</summary>
    CronJob,
}
