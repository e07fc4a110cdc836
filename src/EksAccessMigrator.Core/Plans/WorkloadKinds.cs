namespace EksAccessMigrator.Core.Plans;

/// <summary>Reading a scanned object's kind as a <see cref="WorkloadKind"/>, and what each kind allows.</summary>
public static class WorkloadKinds
{
    /// <summary>The kind of a scanned workload; the scanners produce no other kinds, so any other is a bug.</summary>
    public static WorkloadKind Of(string kind) =>
        WireNames.TryParse<WorkloadKind>(kind, out var parsed) ? parsed : throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a workload kind a plan can carry");

    /// <summary>Kinds whose running pods a rolling restart (RestartWorkload, rule K14) recreates.</summary>
    public static bool IsRestartable(WorkloadKind kind) => kind is WorkloadKind.Deployment or WorkloadKind.StatefulSet or WorkloadKind.DaemonSet or WorkloadKind.ReplicaSet;
}
