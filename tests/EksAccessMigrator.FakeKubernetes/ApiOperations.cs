using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace EksAccessMigrator.FakeKubernetes;

/// <summary>The verbs' semantics over <see cref="ClusterState"/>, as the real API server applies them.</summary>
internal sealed class ApiOperations(ClusterState state)
{
    public ApiResult List(ApiPath path, int? limit, string? continueToken)
    {
        lock (state.Gate)
        {
            return state.Pager.List(state.Store, path.Kind, path.Namespace, limit, continueToken);
        }
    }

    public ApiResult Get(ApiPath path)
    {
        lock (state.Gate)
        {
            var key = ClusterState.Key(path.Kind, path.Namespace, path.Name!);
            return state.Store.Find(key) is { } found
                ? ApiResult.Ok((JsonObject)found.DeepClone())
                : StatusFactory.NotFound(path.Kind, path.Name!);
        }
    }

    /// <summary>The object as a <c>PartialObjectMetadata</c>: its metadata alone, as the real server answers a metadata-only GET.</summary>
    public ApiResult GetMetadata(ApiPath path)
    {
        lock (state.Gate)
        {
            var key = ClusterState.Key(path.Kind, path.Namespace, path.Name!);
            return state.Store.Find(key) is { } found
                ? ApiResult.Ok(new JsonObject
                {
                    ["kind"] = "PartialObjectMetadata",
                    ["apiVersion"] = "meta.k8s.io/v1",
                    ["metadata"] = found["metadata"]?.DeepClone(),
                })
                : StatusFactory.NotFound(path.Kind, path.Name!);
        }
    }

    public ApiResult Create(ApiPath path, JsonObject body)
    {
        var kind = path.Kind;
        var metadata = JsonFields.Metadata(body);
        var name = JsonFields.String(metadata["name"]);
        if (string.IsNullOrEmpty(name) && JsonFields.String(metadata["generateName"]) is { Length: > 0 } prefix)
        {
            name = prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))[..5];
            metadata["name"] = name;
        }

        if (string.IsNullOrEmpty(name))
        {
            return StatusFactory.Invalid(kind, string.Empty, "metadata.name: Required value: name or generateName is required");
        }

        if (MismatchedType(kind, body) is { } typeError)
        {
            return typeError;
        }

        if (kind.Namespaced)
        {
            var bodyNamespace = JsonFields.String(metadata["namespace"]);
            if (!string.IsNullOrEmpty(bodyNamespace) && bodyNamespace != path.Namespace)
            {
                return StatusFactory.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
            }

            metadata["namespace"] = path.Namespace;
        }

        foreach (var serverField in new[] { "uid", "resourceVersion", "creationTimestamp", "generation" })
        {
            metadata.Remove(serverField);
        }

        lock (state.Gate)
        {
            var store = state.Store;
            if (kind.Namespaced && store.Find(ClusterState.Key(ResourceKinds.Namespace, null, path.Namespace!)) is null)
            {
                return StatusFactory.NotFound(ResourceKinds.Namespace, path.Namespace!);
            }

            var key = ClusterState.Key(kind, path.Namespace, name);
            if (store.Find(key) is not null)
            {
                return StatusFactory.AlreadyExists(kind, name);
            }

            store.StampNew(kind, body);
            InitialStatus(kind, body);
            return new ApiResult(201, store.Commit(key, body));
        }
    }

    public ApiResult Replace(ApiPath path, JsonObject body)
    {
        lock (state.Gate)
        {
            var key = ClusterState.Key(path.Kind, path.Namespace, path.Name!);
            return state.Store.Find(key) is { } current
                ? Update(key, current, body)
                : StatusFactory.NotFound(path.Kind, path.Name!);
        }
    }

    public ApiResult Patch(ApiPath path, string? contentType, JsonNode? patch)
    {
        lock (state.Gate)
        {
            var key = ClusterState.Key(path.Kind, path.Namespace, path.Name!);
            if (state.Store.Find(key) is not { } current)
            {
                return StatusFactory.NotFound(path.Kind, path.Name!);
            }

            JsonNode? patched;
            switch (contentType)
            {
                case "application/merge-patch+json":
                    patched = JsonMergePatch.Apply(current, patch);
                    break;
                case "application/strategic-merge-patch+json":
                    patched = StrategicMergePatch.Apply(current, patch);
                    break;
                case "application/json-patch+json":
                    var result = JsonPatch.Apply(current, patch);
                    if (result.Error is not null)
                    {
                        return StatusFactory.Invalid(path.Kind, path.Name!, result.Error);
                    }

                    patched = result.Document;
                    break;
                default:
                    return StatusFactory.UnsupportedMediaType(contentType);
            }

            if (patched is not JsonObject patchedObject)
            {
                return StatusFactory.BadRequest("the patch did not produce an object");
            }

            // A resourceVersion the patch does not set is not a precondition.
            var patchSetsVersion = JsonFields.ResourceVersion(patchedObject) != JsonFields.ResourceVersion(current);
            if (!patchSetsVersion)
            {
                JsonFields.Metadata(patchedObject).Remove("resourceVersion");
            }

            return Update(key, current, patchedObject);
        }
    }

    public ApiResult Delete(ApiPath path, JsonObject? options)
    {
        lock (state.Gate)
        {
            var key = ClusterState.Key(path.Kind, path.Namespace, path.Name!);
            if (state.Store.Find(key) is not { } current)
            {
                return StatusFactory.NotFound(path.Kind, path.Name!);
            }

            if (options?["preconditions"] is JsonObject preconditions
                && ((JsonFields.String(preconditions["resourceVersion"]) is { } rv && rv != JsonFields.ResourceVersion(current))
                    || (JsonFields.String(preconditions["uid"]) is { } uid && uid != JsonFields.String(JsonFields.Metadata(current)["uid"]))))
            {
                return StatusFactory.Conflict(path.Kind, path.Name!);
            }

            state.Store.Remove(key);
            if (path.Kind == ResourceKinds.Namespace)
            {
                state.Store.RemoveNamespaceContents(path.Name!);
            }

            return StatusFactory.Success(path.Kind, path.Name!, JsonFields.String(JsonFields.Metadata(current)["uid"]));
        }
    }

    private static ApiResult? MismatchedType(ResourceKind kind, JsonObject body)
    {
        var apiVersion = JsonFields.String(body["apiVersion"]);
        var bodyKind = JsonFields.String(body["kind"]);
        if ((apiVersion is not null && apiVersion != kind.ApiVersion) || (bodyKind is not null && bodyKind != kind.Kind))
        {
            return StatusFactory.BadRequest($"the API version in the data ({apiVersion}) or kind ({bodyKind}) does not match the expected {kind.ApiVersion}, Kind={kind.Kind}");
        }

        return null;
    }

    private ApiResult Update(ObjectKey key, JsonObject current, JsonObject proposed)
    {
        var kind = key.Kind;
        if (MismatchedType(kind, proposed) is { } typeError)
        {
            return typeError;
        }

        var metadata = JsonFields.Metadata(proposed);
        var name = JsonFields.String(metadata["name"]);
        if (name != key.Name)
        {
            return StatusFactory.BadRequest($"the name of the object ({name}) does not match the name on the URL ({key.Name})");
        }

        var precondition = JsonFields.String(metadata["resourceVersion"]);
        if (!string.IsNullOrEmpty(precondition) && precondition != JsonFields.ResourceVersion(current))
        {
            return StatusFactory.Conflict(kind, key.Name);
        }

        var currentMetadata = JsonFields.Metadata(current);
        proposed["apiVersion"] = kind.ApiVersion;
        proposed["kind"] = kind.Kind;
        metadata["uid"] = currentMetadata["uid"]?.DeepClone();
        metadata["creationTimestamp"] = currentMetadata["creationTimestamp"]?.DeepClone();
        metadata["resourceVersion"] = currentMetadata["resourceVersion"]?.DeepClone();
        if (kind.Namespaced)
        {
            metadata["namespace"] = key.Namespace;
        }

        if (kind.HasStatus)
        {
            proposed["status"] = current["status"]?.DeepClone();
            if (proposed["status"] is null)
            {
                proposed.Remove("status");
            }
        }

        var specChanged = !JsonNode.DeepEquals(current["spec"], proposed["spec"]);
        if (kind == ResourceKinds.Job && !JsonNode.DeepEquals(current["spec"]?["template"], proposed["spec"]?["template"]))
        {
            return StatusFactory.Invalid(kind, key.Name, "spec.template: Invalid value: field is immutable");
        }

        if (kind.HasGeneration)
        {
            var generation = JsonFields.Long(currentMetadata["generation"]) ?? 1;
            metadata["generation"] = specChanged ? generation + 1 : generation;
        }

        if (JsonNode.DeepEquals(current, proposed))
        {
            // A no-op write does not reach storage: the resourceVersion stays.
            return ApiResult.Ok((JsonObject)current.DeepClone());
        }

        if (specChanged && state.AutoCompleteRolloutsUnlocked && RolloutSimulator.Supports(kind))
        {
            RolloutSimulator.Complete(kind, proposed, state.DaemonSetNodes);
        }

        return ApiResult.Ok(state.Store.Commit(key, proposed));
    }

    private void InitialStatus(ResourceKind kind, JsonObject obj)
    {
        if (!kind.HasStatus)
        {
            return;
        }

        obj.Remove("status");
        if (kind == ResourceKinds.Namespace)
        {
            obj["status"] = new JsonObject { ["phase"] = "Active" };
        }
        else if (kind == ResourceKinds.Pod)
        {
            obj["status"] = new JsonObject { ["phase"] = "Pending" };
        }
        else if (state.AutoCompleteRolloutsUnlocked && RolloutSimulator.Supports(kind))
        {
            RolloutSimulator.Complete(kind, obj, state.DaemonSetNodes);
        }
    }
}
