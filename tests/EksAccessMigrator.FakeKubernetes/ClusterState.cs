using System.Reflection;
using System.Text.Json.Nodes;
using k8s;

namespace EksAccessMigrator.FakeKubernetes;

/// <summary>
/// The fake cluster's objects: seed them before a test, inspect them after. Seeding stamps the fields a real
/// server sets (uid, creationTimestamp, generation, resourceVersion) when missing, and stores everything else as
/// given (including status). Thread-safe.
/// </summary>
public sealed class ClusterState
{
    private readonly Lock _gate = new();
    private readonly ObjectStore _store;
    private readonly ListPager _pager = new();
    private readonly int _daemonSetNodes;
    private bool _autoCompleteRollouts;

    internal ClusterState(FakeKubernetesOptions options)
    {
        _store = new ObjectStore(options.TimeProvider);
        _daemonSetNodes = options.DaemonSetNodeCount;
        _autoCompleteRollouts = options.AutoCompleteRollouts;
    }

    /// <summary>Gets or sets a value indicating whether workload writes that change the spec immediately get a "rollout complete" status.</summary>
    public bool AutoCompleteRollouts
    {
        get
        {
            lock (_gate)
            {
                return _autoCompleteRollouts;
            }
        }

        set
        {
            lock (_gate)
            {
                _autoCompleteRollouts = value;
            }
        }
    }

    /// <summary>Gets the number of stored objects.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _store.Count;
            }
        }
    }

    /// <summary>Gets the cluster's latest resourceVersion.</summary>
    public string CurrentResourceVersion
    {
        get
        {
            lock (_gate)
            {
                return _store.CurrentResourceVersion;
            }
        }
    }

    internal Lock Gate => _gate;

    internal ObjectStore Store => _store;

    internal ListPager Pager => _pager;

    internal int DaemonSetNodes => _daemonSetNodes;

    /// <summary>Gets the rollout switch for callers already holding <see cref="Gate"/>.</summary>
    internal bool AutoCompleteRolloutsUnlocked => _autoCompleteRollouts;

    /// <summary>Seeds an object given as JSON text (apiVersion and kind required).</summary>
    public JsonObject Add(string json) =>
        Add(JsonNode.Parse(json) as JsonObject ?? throw new ArgumentException("The JSON must be an object.", nameof(json)));

    /// <summary>Seeds a KubernetesClient model object (e.g. <c>k8s.Models.V1Pod</c>).</summary>
    public JsonObject Add(IKubernetesObject model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var json = JsonNode.Parse(KubernetesJson.Serialize(model)) as JsonObject
            ?? throw new ArgumentException("The model did not serialise to an object.", nameof(model));
        var kind = KindOf(model.GetType());
        json["apiVersion"] ??= kind.ApiVersion;
        json["kind"] ??= kind.Kind;
        return Add(json);
    }

    /// <summary>Seeds an object given as JSON (apiVersion and kind required; namespace defaults to "default").</summary>
    public JsonObject Add(JsonObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var copy = (JsonObject)obj.DeepClone();
        var kind = ResourceKinds.Find(JsonFields.String(copy["apiVersion"]), JsonFields.String(copy["kind"]))
            ?? throw new ArgumentException($"The fake does not serve {copy["apiVersion"]}/{copy["kind"]}.", nameof(obj));
        var name = JsonFields.Name(copy);
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("metadata.name is required.", nameof(obj));
        }

        var metadata = JsonFields.Metadata(copy);
        if (kind.Namespaced)
        {
            metadata["namespace"] ??= "default";
        }
        else
        {
            metadata.Remove("namespace");
        }

        var key = new ObjectKey(kind, kind.Namespaced ? JsonFields.Namespace(copy)! : string.Empty, name);
        lock (_gate)
        {
            if (_store.Find(key) is not null)
            {
                throw new InvalidOperationException($"{kind.QualifiedPlural} \"{name}\" is already seeded.");
            }

            _store.StampNew(kind, copy);
            return _store.Commit(key, copy);
        }
    }

    /// <summary>Gets a copy of an object, or null.</summary>
    public JsonObject? Get(ResourceKind kind, string? ns, string name)
    {
        lock (_gate)
        {
            return _store.Find(Key(kind, ns, name))?.DeepClone() as JsonObject;
        }
    }

    /// <summary>Gets an object as a KubernetesClient model, or null.</summary>
    public T? Get<T>(string? ns, string name)
        where T : class, IKubernetesObject
    {
        var json = Get(KindOf(typeof(T)), ns, name);
        return json is null ? null : KubernetesJson.Deserialize<T>(json.ToJsonString());
    }

    /// <summary>Gets copies of every object of <paramref name="kind"/> (in one namespace when given), in key order.</summary>
    public IReadOnlyList<JsonObject> List(ResourceKind kind, string? ns = null)
    {
        lock (_gate)
        {
            return [.. _store.Range(kind, ns).Select(o => (JsonObject)o.DeepClone())];
        }
    }

    /// <summary>Edits an object out of band, as another client would; bumps its resourceVersion. False when absent.</summary>
    public bool Mutate(ResourceKind kind, string? ns, string name, Action<JsonObject> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        lock (_gate)
        {
            var key = Key(kind, ns, name);
            if (_store.Find(key) is not { } current)
            {
                return false;
            }

            var copy = (JsonObject)current.DeepClone();
            edit(copy);
            _store.Commit(key, copy);
            return true;
        }
    }

    /// <summary>Removes an object out of band. False when absent.</summary>
    public bool Remove(ResourceKind kind, string? ns, string name)
    {
        lock (_gate)
        {
            return _store.Remove(Key(kind, ns, name));
        }
    }

    /// <summary>Marks the rollout of a workload complete for its current generation. False when absent or not a workload.</summary>
    public bool CompleteRollout(ResourceKind kind, string ns, string name)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return RolloutSimulator.Supports(kind) && Mutate(kind, ns, name, o => RolloutSimulator.Complete(kind, o, _daemonSetNodes));
    }

    /// <summary>Forgets every issued continue token: later requests with them get 410 Expired.</summary>
    public void ExpireContinueTokens()
    {
        lock (_gate)
        {
            _pager.ExpireAll();
        }
    }

    /// <summary>
    /// All objects as deterministic JSON (sorted by apiVersion, kind, namespace, name; properties sorted), without
    /// the fields the server maintains (metadata.uid, resourceVersion, creationTimestamp, generation, managedFields,
    /// and status), so that states before and after a round trip compare equal when their content is equal.
    /// </summary>
    public string SnapshotJson() => SnapshotJson(includeServerFields: false);

    /// <summary>All objects as deterministic JSON; with <paramref name="includeServerFields"/> nothing is left out.</summary>
    public string SnapshotJson(bool includeServerFields)
    {
        lock (_gate)
        {
            return SnapshotWriter.Write(_store.All.Select(p => p.Value), includeServerFields);
        }
    }

    internal static ObjectKey Key(ResourceKind kind, string? ns, string name)
    {
        ArgumentNullException.ThrowIfNull(kind);
        return new ObjectKey(kind, kind.Namespaced ? ns ?? string.Empty : string.Empty, name);
    }

    private static ResourceKind KindOf(Type modelType)
    {
        string? Constant(string field) =>
            modelType.GetField(field, BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as string;

        var group = Constant("KubeGroup") ?? string.Empty;
        var version = Constant("KubeApiVersion");
        var apiVersion = group.Length == 0 ? version : group + "/" + version;
        return ResourceKinds.Find(apiVersion, Constant("KubeKind"))
            ?? throw new ArgumentException($"The fake does not serve {modelType.Name}.", nameof(modelType));
    }
}
