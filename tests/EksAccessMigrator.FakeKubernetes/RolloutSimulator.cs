using System.Globalization;
using System.Text.Json.Nodes;

namespace EksAccessMigrator.FakeKubernetes;

/// <summary>Plays the controllers' part: writes a "rollout complete" status for the current generation.</summary>
internal static class RolloutSimulator
{
    public static bool Supports(ResourceKind kind) =>
        kind == ResourceKinds.Deployment || kind == ResourceKinds.StatefulSet
        || kind == ResourceKinds.DaemonSet || kind == ResourceKinds.ReplicaSet;

    public static void Complete(ResourceKind kind, JsonObject obj, int daemonSetNodes)
    {
        var generation = JsonFields.Long(JsonFields.Metadata(obj)["generation"]) ?? 1;
        var replicas = obj["spec"] is JsonObject spec ? JsonFields.Long(spec["replicas"]) ?? 1 : 1;
        if (kind == ResourceKinds.Deployment)
        {
            obj["status"] = new JsonObject
            {
                ["observedGeneration"] = generation,
                ["replicas"] = replicas,
                ["updatedReplicas"] = replicas,
                ["readyReplicas"] = replicas,
                ["availableReplicas"] = replicas,
                ["conditions"] = new JsonArray(
                    Condition("Available", "MinimumReplicasAvailable"),
                    Condition("Progressing", "NewReplicaSetAvailable")),
            };
        }
        else if (kind == ResourceKinds.StatefulSet)
        {
            var revision = JsonFields.Name(obj) + "-" + generation.ToString("x8", CultureInfo.InvariantCulture);
            obj["status"] = new JsonObject
            {
                ["observedGeneration"] = generation,
                ["replicas"] = replicas,
                ["readyReplicas"] = replicas,
                ["currentReplicas"] = replicas,
                ["updatedReplicas"] = replicas,
                ["availableReplicas"] = replicas,
                ["currentRevision"] = revision,
                ["updateRevision"] = revision,
            };
        }
        else if (kind == ResourceKinds.DaemonSet)
        {
            obj["status"] = new JsonObject
            {
                ["observedGeneration"] = generation,
                ["desiredNumberScheduled"] = daemonSetNodes,
                ["currentNumberScheduled"] = daemonSetNodes,
                ["updatedNumberScheduled"] = daemonSetNodes,
                ["numberReady"] = daemonSetNodes,
                ["numberAvailable"] = daemonSetNodes,
                ["numberMisscheduled"] = 0,
            };
        }
        else if (kind == ResourceKinds.ReplicaSet)
        {
            obj["status"] = new JsonObject
            {
                ["observedGeneration"] = generation,
                ["replicas"] = replicas,
                ["fullyLabeledReplicas"] = replicas,
                ["readyReplicas"] = replicas,
                ["availableReplicas"] = replicas,
            };
        }
    }

    private static JsonObject Condition(string type, string reason) => new()
    {
        ["type"] = type,
        ["status"] = "True",
        ["reason"] = reason,
    };
}
