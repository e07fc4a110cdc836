using System.Text.Json.Serialization;

namespace EksAccessMigrator.Core.Plans;

/// <summary>The Kubernetes kind of a workload a plan patches or restarts, with its wire text (the API's kind).</summary>
[JsonConverter(typeof(WireEnumConverter<WorkloadKind>))]
public enum WorkloadKind
{
    [JsonStringEnumMemberName("Deployment")]
    Deployment,

    [JsonStringEnumMemberName("StatefulSet")]
    StatefulSet,

    [JsonStringEnumMemberName("DaemonSet")]
    DaemonSet,

    [JsonStringEnumMemberName("ReplicaSet")]
    ReplicaSet,

    [JsonStringEnumMemberName("Job")]
    Job,

    [JsonStringEnumMemberName("CronJob")]
    CronJob,

    [JsonStringEnumMemberName("Pod")]
    Pod,
}
