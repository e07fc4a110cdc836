using System.Text.Json.Nodes;
using k8s.Models;

namespace EksAccessMigrator.Kubernetes;

/// <summary>Builds the small patches the writer sends.</summary>
internal static class PatchBuilder
{
    /// <summary>A strategic merge patch setting <paramref name="leaf"/> under the pod template's <paramref name="section"/>.</summary>
    public static V1Patch PodTemplate(WorkloadKind kind, string section, JsonObject leaf, string? expectedResourceVersion)
    {
        JsonNode node = new JsonObject { [section] = leaf };
        foreach (var segment in WorkloadApi.TemplatePath(kind).Reverse())
        {
            node = new JsonObject { [segment] = node };
        }

        return Strategic((JsonObject)node, expectedResourceVersion);
    }

    /// <summary>A merge patch setting (value) or removing (null) metadata annotations.</summary>
    public static V1Patch Annotations(IReadOnlyDictionary<string, string?> annotations, string? expectedResourceVersion)
    {
        var metadata = new JsonObject { ["annotations"] = AnnotationObject(annotations) };
        if (expectedResourceVersion is not null)
        {
            metadata["resourceVersion"] = expectedResourceVersion;
        }

        return new V1Patch(new JsonObject { ["metadata"] = metadata }.ToJsonString(), V1Patch.PatchType.MergePatch);
    }

    public static JsonObject AnnotationObject(IReadOnlyDictionary<string, string?> annotations)
    {
        var result = new JsonObject();
        foreach (var (key, value) in annotations.OrderBy(a => a.Key, StringComparer.Ordinal))
        {
            result[key] = value;
        }

        return result;
    }

    private static V1Patch Strategic(JsonObject body, string? expectedResourceVersion)
    {
        if (expectedResourceVersion is not null)
        {
            body["metadata"] = new JsonObject { ["resourceVersion"] = expectedResourceVersion };
        }

        return new V1Patch(body.ToJsonString(), V1Patch.PatchType.StrategicMergePatch);
    }
}
