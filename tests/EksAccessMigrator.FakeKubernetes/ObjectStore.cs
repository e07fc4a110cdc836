using System.Globalization;
using System.Text.Json.Nodes;

namespace EksAccessMigrator.FakeKubernetes;

/// <summary>The objects and the resourceVersion clock. Not thread-safe: <see cref="ClusterState"/> locks around it.</summary>
internal sealed class ObjectStore(TimeProvider time)
{
    private readonly SortedDictionary<ObjectKey, JsonObject> _objects = new(ObjectKeyComparer.Instance);
    private long _resourceVersion = 1000;

    public string CurrentResourceVersion => _resourceVersion.ToString(CultureInfo.InvariantCulture);

    public int Count => _objects.Count;

    public IEnumerable<KeyValuePair<ObjectKey, JsonObject>> All => _objects;

    public JsonObject? Find(ObjectKey key) => _objects.GetValueOrDefault(key);

    public IEnumerable<JsonObject> Range(ResourceKind kind, string? ns) =>
        _objects.Where(p => p.Key.Kind == kind && (ns is null || p.Key.Namespace == ns)).Select(p => p.Value);

    public bool Remove(ObjectKey key) => _objects.Remove(key);

    public void RemoveNamespaceContents(string ns)
    {
        foreach (var key in _objects.Keys.Where(k => k.Kind.Namespaced && k.Namespace == ns).ToList())
        {
            _objects.Remove(key);
        }
    }

    /// <summary>Sets the fields a real server sets on creation (keeping any already present, for seeding).</summary>
    public void StampNew(ResourceKind kind, JsonObject obj)
    {
        obj["apiVersion"] = kind.ApiVersion;
        obj["kind"] = kind.Kind;
        var metadata = JsonFields.Metadata(obj);
        metadata["uid"] ??= Guid.NewGuid().ToString();
        metadata["creationTimestamp"] ??= time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        if (kind.HasGeneration)
        {
            metadata["generation"] ??= 1;
        }

        if (kind == ResourceKinds.Namespace)
        {
            JsonFields.Object(metadata, "labels")["kubernetes.io/metadata.name"] = JsonFields.Name(obj);
        }
    }

    /// <summary>Stores <paramref name="obj"/> under a new resourceVersion and returns a copy of what was stored.</summary>
    public JsonObject Commit(ObjectKey key, JsonObject obj)
    {
        _resourceVersion++;
        JsonFields.Metadata(obj)["resourceVersion"] = CurrentResourceVersion;
        _objects[key] = obj;
        return (JsonObject)obj.DeepClone();
    }
}
