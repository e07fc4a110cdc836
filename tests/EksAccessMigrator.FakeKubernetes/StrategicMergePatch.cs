using System.Text.Json.Nodes;

namespace EksAccessMigrator.FakeKubernetes;

/// <summary>
/// A subset of Kubernetes strategic merge patch: maps merge as in a merge patch (null deletes), lists whose
/// field has a known merge key (containers, env, volumes, ...) merge element-wise by that key (with
/// <c>$patch: delete</c> on an element removing it), and every other list is replaced.
/// </summary>
public static class StrategicMergePatch
{
    private static readonly Dictionary<string, string> MergeKeys = new(StringComparer.Ordinal)
    {
        ["containers"] = "name",
        ["initContainers"] = "name",
        ["ephemeralContainers"] = "name",
        ["env"] = "name",
        ["volumes"] = "name",
        ["volumeMounts"] = "mountPath",
        ["imagePullSecrets"] = "name",
        ["secrets"] = "name",
        ["tolerations"] = "key",
        ["ports"] = "containerPort",
    };

    /// <summary>Applies <paramref name="patch"/> to <paramref name="target"/> and returns the result (inputs untouched).</summary>
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone();
        }

        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : new JsonObject();
        foreach (var (key, value) in patchObject)
        {
            if (key.StartsWith('$'))
            {
                continue;
            }

            if (value is null)
            {
                result.Remove(key);
            }
            else if (value is JsonArray patchList && MergeKeys.TryGetValue(key, out var mergeKey) && result[key] is JsonArray current)
            {
                result[key] = MergeList(current, patchList, mergeKey);
            }
            else
            {
                result[key] = Apply(result[key], value);
            }
        }

        return result;
    }

    private static JsonArray MergeList(JsonArray current, JsonArray patch, string mergeKey)
    {
        var merged = current.Select(n => n?.DeepClone()).ToList();
        foreach (var element in patch)
        {
            if (element is not JsonObject patchElement || patchElement[mergeKey] is not JsonValue keyValue)
            {
                merged.Add(element?.DeepClone());
                continue;
            }

            var index = merged.FindIndex(n => n is JsonObject o && JsonNode.DeepEquals(o[mergeKey], keyValue));
            var delete = patchElement["$patch"]?.GetValue<string>() == "delete";
            if (index < 0)
            {
                if (!delete)
                {
                    merged.Add(Apply(null, patchElement));
                }
            }
            else if (delete)
            {
                merged.RemoveAt(index);
            }
            else
            {
                merged[index] = Apply(merged[index], patchElement);
            }
        }

        return new JsonArray([.. merged]);
    }
}
